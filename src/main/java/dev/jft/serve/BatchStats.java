package dev.jft.serve;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the batcher has done so far: the evidence that batching happens.
 *
 * <pre>{@code
 * BatchStats stats = server.stats();
 * stats.batches();          // 131 forward passes ...
 * stats.texts();            // ... for 1,000 texts
 * stats.meanBatchSize();    // 7.6
 * stats.batchSizes();       // {1=3, 2=5, ..., 8=97}: how many batches had each size
 * }</pre>
 *
 * @param requests requests accepted into the queue
 * @param rejected requests refused because the queue was full
 * @param batches forward passes run
 * @param texts texts classified
 * @param largestBatch most texts in one forward pass
 * @param batchSizes number of batches per batch size (texts), in increasing size
 */
public record BatchStats(long requests, long rejected, long batches, long texts, int largestBatch,
        SortedMap<Integer, Long> batchSizes) {

    public BatchStats {
        batchSizes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(batchSizes));
    }

    /** Texts per forward pass on average (0 before the first batch). */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) texts / batches;
    }

    /** Counts as a JSON-friendly map. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("requests", requests);
        map.put("rejected", rejected);
        map.put("batches", batches);
        map.put("texts", texts);
        map.put("largestBatch", largestBatch);
        map.put("meanBatchSize", Math.round(meanBatchSize() * 100) / 100.0);
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        batchSizes.forEach((size, count) -> sizes.put(Integer.toString(size), count));
        map.put("batchSizes", sizes);
        return map;
    }
}
