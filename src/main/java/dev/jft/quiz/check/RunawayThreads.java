package dev.jft.quiz.check;

import java.util.Set;

/**
 * Stops test threads that kept running after a timeout. JUnit fails a test that times out on
 * its separate thread and returns, but learner code stuck in a loop would spin a core until
 * the kernel restarts. {@code Thread.stop} still works on JDK 17; later JDKs refuse it, and then
 * the thread is left alone.
 *
 * <pre>{@code
 * Set<Thread> before = RunawayThreads.snapshot();
 * ... run tests ...
 * int stopped = RunawayThreads.stopNewTimeoutThreads(before);
 * }</pre>
 */
final class RunawayThreads {

    /** JUnit names the threads that run tests with a preemptive timeout like this. */
    private static final String TIMEOUT_THREAD_PREFIX = "junit-timeout-thread";

    private RunawayThreads() {}

    static Set<Thread> snapshot() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Stops JUnit timeout threads started since {@code before} that are still alive; returns how many. */
    static int stopNewTimeoutThreads(Set<Thread> before) {
        int stopped = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread.isAlive() && thread.getName().startsWith(TIMEOUT_THREAD_PREFIX)
                    && stop(thread)) {
                stopped++;
            }
        }
        return stopped;
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static boolean stop(Thread thread) {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false; // JDK 20+: the thread keeps running until the kernel stops
        }
    }
}
