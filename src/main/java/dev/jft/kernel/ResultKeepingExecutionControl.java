package dev.jft.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in the kernel's own JVM and keeps each snippet's real result object.
 *
 * <p>JShell only sees a string per evaluation; here that string is a key into {@link #takeResult},
 * so the kernel can render the actual object (a chart, an image, a table). Classes come from a
 * loader whose parent is the kernel's own, so {@code instanceof} checks in renderers work. Each
 * snippet runs on its own thread, which {@link #stop()} or the cell timeout can end.
 *
 * <pre>{@code
 * ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(-1);
 * JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build();
 * String key = shell.eval("40 + 2").get(0).value();
 * Object value = control.takeResult(key); // Integer 42
 * }</pre>
 */
public final class ResultKeepingExecutionControl extends LocalExecutionControl {

    /** Why the last snippet was stopped, if it was. */
    public enum StopReason { INTERRUPTED, TIMED_OUT }

    private final long timeoutMillis;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private final ThreadGroup snippetThreads = new ThreadGroup("course-kernel cells");
    private volatile Thread running;
    private volatile StopReason stopReason;
    private volatile Throwable lastThrown;

    /** @param timeoutMillis longest a snippet may run; zero or negative means no limit */
    public ResultKeepingExecutionControl(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** A provider that hands JShell this very instance (JShell asks for it once, at build time). */
    public ExecutionControlProvider provider() {
        ResultKeepingExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "course-kernel-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    /** Removes and returns the object stored under {@code key} (null for an unknown key). */
    public Object takeResult(String key) {
        return key == null ? null : unwrap(results.remove(key));
    }

    /** Whether {@code key} names a stored result (a result may itself be null). */
    public boolean hasResult(String key) {
        return key != null && results.containsKey(key);
    }

    /** Forgets all stored results, so objects no cell refers to can be collected. */
    public void clearResults() {
        results.clear();
    }

    /** The exception the last snippet threw, as the real object (then forgotten). */
    public Throwable takeLastThrown() {
        Throwable thrown = lastThrown;
        lastThrown = null;
        return thrown;
    }

    /** Why the last snippet was stopped, or null if it ran to its end (then forgotten). */
    public StopReason takeStopReason() {
        StopReason reason = stopReason;
        stopReason = null;
        return reason;
    }

    /** The time limit per snippet in milliseconds (zero or negative: none). */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(snippetThreads, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "cell");
        running = thread;
        try {
            thread.start();
            awaitOrStop(thread);
        } finally {
            running = null;
        }
        if (stopReason != null) {
            throw new StoppedException();
        }
        rethrow(failure[0]);
        String key = "result-" + nextKey.incrementAndGet();
        results.put(key, result[0] == null ? NullValue.INSTANCE : result[0]);
        return key;
    }

    private void awaitOrStop(Thread thread) throws InterruptedException {
        if (timeoutMillis > 0) {
            thread.join(timeoutMillis);
            if (thread.isAlive()) {
                stopThread(thread, StopReason.TIMED_OUT);
            }
        }
        thread.join();
    }

    private void rethrow(Throwable failure) throws Exception {
        if (failure == null) {
            return;
        }
        if (failure instanceof InvocationTargetException ite) {
            Throwable cause = ite.getCause();
            if (cause instanceof ThreadDeath) {
                stopReason = stopReason == null ? StopReason.INTERRUPTED : stopReason;
                throw new StoppedException();
            }
            lastThrown = cause;
            throw ite; // the superclass turns it into JShell's EvalException
        }
        if (failure instanceof ThreadDeath) {
            stopReason = stopReason == null ? StopReason.INTERRUPTED : stopReason;
            throw new StoppedException();
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        throw (Error) failure;
    }

    /** Stops the running snippet, as an interrupt from the notebook does. */
    @Override
    public void stop() {
        Thread thread = running;
        if (thread != null) {
            stopThread(thread, StopReason.INTERRUPTED);
        }
    }

    // Thread.stop is the only way to end learner code such as while(true){} on JDK 17.
    @SuppressWarnings({"deprecation", "removal"})
    private void stopThread(Thread thread, StopReason reason) {
        stopReason = reason;
        try {
            thread.stop();
        } catch (UnsupportedOperationException newerJdk) {
            thread.interrupt(); // JDK 20+ removed Thread.stop: only code that checks interrupts ends
        }
    }

    /** Stands for a null result in the map (which cannot hold null values). */
    enum NullValue { INSTANCE }

    /** Unwraps the stand-in for null. */
    static Object unwrap(Object stored) {
        return stored == NullValue.INSTANCE ? null : stored;
    }
}
