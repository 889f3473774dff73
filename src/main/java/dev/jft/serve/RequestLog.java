package dev.jft.serve;

/**
 * Where the server writes its request log: one {@link LoggedRequest} per answered request.
 * Called on the server's threads; an implementation must be thread-safe and quick.
 *
 * <pre>{@code
 * RequestLog.toStandardError();          // one line per request, as the serve command logs
 * RequestLog.none();                     // nothing
 * List<LoggedRequest> kept = new CopyOnWriteArrayList<>();
 * RequestLog inMemory = kept::add;      // for monitoring in a notebook
 * }</pre>
 */
@FunctionalInterface
public interface RequestLog {

    void log(LoggedRequest request);

    /** One line per request on standard error. */
    static RequestLog toStandardError() {
        return request -> System.err.println(request);
    }

    /** Keeps nothing. */
    static RequestLog none() {
        return request -> {};
    }
}
