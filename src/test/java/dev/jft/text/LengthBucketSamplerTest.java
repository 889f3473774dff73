package dev.jft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LengthBucketSamplerTest {

    private static final int[] LENGTHS = new Random(1).ints(200, 3, 120).toArray();

    @Test
    void everyRowOnceAndBatchesHoldSimilarLengths() {
        List<int[]> batches = new LengthBucketSampler(8, 5, 42).batches(LENGTHS, 0);
        int[] seen = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 200).toArray(), seen);
        assertTrue(batches.stream().allMatch(b -> b.length <= 8));
        assertTrue(padding(batches) < padding(new LengthBucketSampler(8, 1, 42).batches(LENGTHS, 0)) / 2,
                "sorting within chunks should cut the padding");
    }

    @Test
    void sameSeedAndEpochSameBatches() {
        LengthBucketSampler sampler = new LengthBucketSampler(8, 5, 42);
        List<int[]> a = sampler.batches(LENGTHS, 3);
        List<int[]> b = new LengthBucketSampler(8, 5, 42).batches(LENGTHS, 3);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertFalse(Arrays.equals(a.get(0), sampler.batches(LENGTHS, 4).get(0)));
    }

    /** Padding tokens added when each batch is padded to its longest row. */
    private static long padding(List<int[]> batches) {
        long pad = 0;
        for (int[] batch : batches) {
            int max = Arrays.stream(batch).map(i -> LENGTHS[i]).max().orElse(0);
            for (int i : batch) {
                pad += max - LENGTHS[i];
            }
        }
        return pad;
    }
}
