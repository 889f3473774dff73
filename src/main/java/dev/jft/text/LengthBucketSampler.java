package dev.jft.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Groups examples of similar length into the same batch, so dynamic padding adds little: shuffles
 * the examples, sorts them by length within chunks of {@code chunkBatches} batches, cuts the chunks
 * into batches and shuffles the batch order. Same seed and epoch, same batches.
 *
 * <pre>{@code
 * LengthBucketSampler sampler = new LengthBucketSampler(16, 50, 42);
 * for (int[] rows : sampler.batches(lengths, epoch)) { ... }
 * }</pre>
 */
public final class LengthBucketSampler {

    private final int batchSize;
    private final int chunkBatches;
    private final long seed;

    /**
     * @param batchSize examples per batch
     * @param chunkBatches how many batches' worth of examples are sorted together (larger: tighter
     *     lengths, less randomness)
     * @param seed random seed
     */
    public LengthBucketSampler(int batchSize, int chunkBatches, long seed) {
        if (batchSize < 1 || chunkBatches < 1) {
            throw new IllegalArgumentException("batchSize and chunkBatches must be at least 1, got "
                    + batchSize + " and " + chunkBatches);
        }
        this.batchSize = batchSize;
        this.chunkBatches = chunkBatches;
        this.seed = seed;
    }

    /** The batches of one epoch, as row indices into {@code lengths}; every row appears once. */
    public List<int[]> batches(int[] lengths, int epoch) {
        Random random = new Random(seed * 31 + epoch);
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        Collections.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        int chunk = batchSize * chunkBatches;
        for (int start = 0; start < order.size(); start += chunk) {
            List<Integer> part = new ArrayList<>(order.subList(start, Math.min(order.size(), start + chunk)));
            part.sort(Comparator.comparingInt(i -> lengths[i]));
            for (int b = 0; b < part.size(); b += batchSize) {
                batches.add(part.subList(b, Math.min(part.size(), b + batchSize)).stream()
                        .mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
