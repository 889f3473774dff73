package dev.jft.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the Jupyter process that started it is gone, so a killed notebook server
 * or test harness never leaves a kernel JVM behind. Jupyter names its own process id in the
 * environment variable {@code JPY_PARENT_PID}.
 *
 * <pre>{@code
 * ParentWatchdog.fromEnvironment(System.getenv()).ifPresent(ParentWatchdog::start);
 * }</pre>
 */
final class ParentWatchdog {

    private static final long POLL_MILLIS = 1000;

    private final ProcessHandle parent;
    private final Runnable onParentGone;

    ParentWatchdog(ProcessHandle parent, Runnable onParentGone) {
        this.parent = parent;
        this.onParentGone = onParentGone;
    }

    /** A watchdog on {@code JPY_PARENT_PID} that exits the JVM; empty when there is no such process. */
    static Optional<ParentWatchdog> fromEnvironment(java.util.Map<String, String> environment) {
        String pid = environment.get("JPY_PARENT_PID");
        if (pid == null || !pid.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid))
                .map(parent -> new ParentWatchdog(parent, () -> Runtime.getRuntime().halt(0)));
    }

    /** Polls the parent on a daemon thread. */
    void start() {
        Thread thread = new Thread(this::watch, "parent-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    void watch() {
        try {
            while (parent.isAlive()) {
                Thread.sleep(POLL_MILLIS);
            }
            onParentGone.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
