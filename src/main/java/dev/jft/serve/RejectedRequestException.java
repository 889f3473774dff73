package dev.jft.serve;

/**
 * The batcher cannot take a request now: its queue is full, or it is shutting down. The server
 * answers 503 Service Unavailable with a Retry-After header.
 *
 * <pre>{@code
 * try {
 *     batcher.submit(texts);
 * } catch (RejectedRequestException e) {
 *     respond(503, e.getMessage(), "Retry-After: " + e.retryAfterSeconds());
 * }
 * }</pre>
 */
public final class RejectedRequestException extends RuntimeException {

    private final int retryAfterSeconds;

    public RejectedRequestException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds a client should wait before trying again. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
