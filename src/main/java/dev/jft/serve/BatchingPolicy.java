package dev.jft.serve;

import java.time.Duration;

/**
 * How the server gathers concurrent requests into one forward pass: it takes the first waiting
 * request, then keeps adding requests that arrive within {@code maxWait} while the batch has room
 * for their texts, up to {@code maxBatchTexts}; at most {@code queueCapacity} requests wait, and
 * one more is refused with 503 and a Retry-After header.
 *
 * <pre>{@code
 * BatchingPolicy.DEFAULT;                                   // 32 texts, 5 ms, 64 waiting requests
 * new BatchingPolicy(16, Duration.ofMillis(2), 128);
 * BatchingPolicy.none();                                    // one request per forward pass (to compare)
 * }</pre>
 *
 * @param maxBatchTexts most texts in one forward pass (a single larger request still runs, alone)
 * @param maxWait how long the first request of a batch may wait for others
 * @param queueCapacity most requests waiting for a batch
 */
public record BatchingPolicy(int maxBatchTexts, Duration maxWait, int queueCapacity) {

    /** 32 texts per batch, 5 ms of waiting, 64 requests in the queue. */
    public static final BatchingPolicy DEFAULT = new BatchingPolicy(32, Duration.ofMillis(5), 64);

    public BatchingPolicy {
        if (maxBatchTexts < 1 || queueCapacity < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxBatchTexts and queueCapacity must be at least 1 and maxWait"
                    + " not negative, got " + maxBatchTexts + ", " + queueCapacity + ", " + maxWait);
        }
    }

    /** No dynamic batching: every request is its own forward pass (queue as in {@link #DEFAULT}). */
    public static BatchingPolicy none() {
        return new BatchingPolicy(1, Duration.ZERO, DEFAULT.queueCapacity());
    }
}
