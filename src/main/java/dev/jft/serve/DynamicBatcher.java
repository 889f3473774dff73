package dev.jft.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dynamic batching: requests from many threads go into a bounded queue; one worker thread takes
 * the first, waits up to {@link BatchingPolicy#maxWait()} for more while the batch has room, runs
 * them as one forward pass and hands every request its own answers. The model is only ever called
 * from that worker thread, so it need not be thread-safe.
 *
 * <pre>{@code
 * try (DynamicBatcher batcher = new DynamicBatcher(model, BatchingPolicy.DEFAULT)) {
 *     CompletableFuture<List<ServedPrediction>> answer = batcher.submit(List.of("great film"));
 *     answer.get().get(0).prediction().label();   // "positive"
 *     batcher.stats().meanBatchSize();
 * }
 * }</pre>
 */
public final class DynamicBatcher implements AutoCloseable {

    private final BatchClassifier model;
    private final BatchingPolicy policy;
    private final BlockingQueue<Job> queue;
    private final Thread worker;
    private volatile boolean accepting = true;
    private Job carried; // taken from the queue but did not fit the last batch; worker thread only

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<Integer, Long> sizes = new TreeMap<>(); // guarded by itself
    private long batches;
    private long texts;
    private int largest;

    private record Job(List<String> texts, CompletableFuture<List<ServedPrediction>> answer) {}

    /** Starts the worker thread. */
    public DynamicBatcher(BatchClassifier model, BatchingPolicy policy) {
        this.model = model;
        this.policy = policy;
        this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
        this.worker = new Thread(this::work, "jft-serve-batcher");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues {@code texts} for the next batch.
     *
     * @throws RejectedRequestException when the queue is full or the batcher is closing
     */
    public CompletableFuture<List<ServedPrediction>> submit(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to classify: texts is empty");
        }
        if (!accepting) {
            throw new RejectedRequestException("The server is shutting down: send the request to another replica"
                    + " or try again when it is back", 5);
        }
        Job job = new Job(List.copyOf(texts), new CompletableFuture<>());
        if (!queue.offer(job)) {
            rejected.incrementAndGet();
            throw new RejectedRequestException("The server is busy (" + policy.queueCapacity()
                    + " requests already waiting): try again in a moment", 1);
        }
        requests.incrementAndGet();
        return job.answer();
    }

    /** Requests waiting now. */
    public int queued() {
        return queue.size();
    }

    /** The counts so far. */
    public BatchStats stats() {
        synchronized (sizes) {
            return new BatchStats(requests.get(), rejected.get(), batches, texts, largest, new TreeMap<>(sizes));
        }
    }

    private void work() {
        while (true) {
            List<Job> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                break;
            }
            if (batch == null) {
                if (!accepting && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            run(batch);
        }
    }

    /** The next batch, or null when nothing arrived for a while. */
    private List<Job> nextBatch() throws InterruptedException {
        Job first = carried != null ? carried : queue.poll(50, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
            return null;
        }
        List<Job> batch = new ArrayList<>();
        batch.add(first);
        int size = first.texts().size();
        long deadline = System.nanoTime() + policy.maxWait().toNanos();
        while (size < policy.maxBatchTexts()) {
            long left = deadline - System.nanoTime();
            Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (size + next.texts().size() > policy.maxBatchTexts()) {
                carried = next; // first in the next batch
                break;
            }
            batch.add(next);
            size += next.texts().size();
        }
        return batch;
    }

    private void run(List<Job> batch) {
        List<String> all = new ArrayList<>();
        batch.forEach(job -> all.addAll(job.texts()));
        List<ServedPrediction> answers;
        try {
            answers = model.classify(all);
        } catch (RuntimeException | Error e) {
            batch.forEach(job -> job.answer().completeExceptionally(e));
            return;
        }
        synchronized (sizes) {
            batches++;
            texts += all.size();
            largest = Math.max(largest, all.size());
            sizes.merge(all.size(), 1L, Long::sum);
        }
        int start = 0;
        for (Job job : batch) {
            job.answer().complete(List.copyOf(answers.subList(start, start + job.texts().size())));
            start += job.texts().size();
        }
    }

    /**
     * Stops taking requests, finishes every queued one, then stops the worker (waits up to 30 s;
     * requests still queued after that are failed).
     */
    @Override
    public void close() {
        accepting = false;
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
        RejectedRequestException closed = new RejectedRequestException("The server shut down", 5);
        if (carried != null && !worker.isAlive()) {
            carried.answer().completeExceptionally(closed);
        }
        for (Job job; (job = queue.poll()) != null; ) {
            job.answer().completeExceptionally(closed);
        }
    }
}
