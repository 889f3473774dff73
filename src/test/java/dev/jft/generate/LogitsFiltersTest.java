package dev.jft.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogitsFiltersTest {

    private static final float NEG = Float.NEGATIVE_INFINITY;
    private static final float[] LOGITS = {2f, 1f, 0f, -1f};

    @Test
    void topKKeepsTheKLargest() {
        assertArrayEquals(new float[] {2f, 1f, NEG, NEG}, LogitsFilters.topK(LOGITS, 2));
        assertArrayEquals(new float[] {2f, NEG, NEG, NEG}, LogitsFilters.topK(LOGITS, 1));
        assertArrayEquals(LOGITS, LogitsFilters.topK(LOGITS, 0), "0 = off");
        assertArrayEquals(LOGITS, LogitsFilters.topK(LOGITS, 4));
        assertArrayEquals(LOGITS, LogitsFilters.topK(LOGITS, 10), "k above the vocabulary keeps all");
        assertArrayEquals(new float[] {1f, 3f, 1f, NEG}, LogitsFilters.topK(new float[] {1f, 3f, 1f, 0f}, 2),
                "ties with the k-th are kept");
        float[] input = LOGITS.clone();
        LogitsFilters.topK(input, 1);
        assertArrayEquals(LOGITS, input, "the input is unchanged");
    }

    @Test
    void topPKeepsTheSmallestNucleus() {
        // softmax(2, 1, 0, -1) = 0.644, 0.237, 0.087, 0.032
        assertArrayEquals(new float[] {2f, NEG, NEG, NEG}, LogitsFilters.topP(LOGITS, 0.5));
        assertArrayEquals(new float[] {2f, NEG, NEG, NEG}, LogitsFilters.topP(LOGITS, 0.6));
        assertArrayEquals(new float[] {2f, 1f, NEG, NEG}, LogitsFilters.topP(LOGITS, 0.7), "the crossing token is kept");
        assertArrayEquals(new float[] {2f, 1f, 0f, NEG}, LogitsFilters.topP(LOGITS, 0.95));
        assertArrayEquals(LOGITS, LogitsFilters.topP(LOGITS, 1.0));
        assertArrayEquals(new float[] {2f, NEG, NEG, NEG}, LogitsFilters.topP(LOGITS, 1e-9), "at least one token");
        assertArrayEquals(new float[] {0f, NEG, NEG}, LogitsFilters.topP(new float[] {0f, 0f, 0f}, 0.2),
                "among equal logits the lower id first");
        assertArrayEquals(new float[] {NEG, 5f, NEG}, LogitsFilters.topP(new float[] {NEG, 5f, NEG}, 0.9),
                "already removed tokens stay removed");
        assertThrows(IllegalArgumentException.class, () -> LogitsFilters.topP(LOGITS, 0));
        assertThrows(IllegalArgumentException.class, () -> LogitsFilters.topP(LOGITS, Double.NaN));
    }

    @Test
    void temperatureAndSoftmax() {
        assertArrayEquals(new float[] {4f, 2f, 0f, -2f}, LogitsFilters.temperature(LOGITS, 0.5));
        float[] p = LogitsFilters.softmax(new float[] {0f, NEG, (float) Math.log(3)});
        assertArrayEquals(new float[] {0.25f, 0f, 0.75f}, p, 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, LogitsFilters.softmax(new float[] {1000f, 1000f}), 1e-6f,
                "no overflow");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogitsFilters.temperature(LOGITS, 0));
        assertTrue(e.getMessage().contains("greedy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogitsFilters.softmax(new float[] {NEG, NEG}));
        assertThrows(IllegalArgumentException.class, () -> LogitsFilters.softmax(new float[] {Float.NaN, 1f}));
        assertThrows(IllegalArgumentException.class, () -> LogitsFilters.topK(new float[0], 1));
        assertEquals(1, LogitsFilters.argmax(new float[] {0f, 3f, 3f}), "the first of tied maxima");
    }

    @Test
    void samplingFollowsTheFilteredDistribution() {
        Decoding topK = Decoding.sample(1.0).withTopK(2);
        int[] counts = new int[4];
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            counts[topK.next(LOGITS, random)]++;
        }
        assertEquals(0, counts[2] + counts[3], "only the top 2 are drawn");
        double expected = Math.exp(2) / (Math.exp(2) + Math.exp(1)); // 0.731
        assertEquals(expected, counts[0] / 20_000.0, 0.015);
        assertEquals(0, Decoding.greedy().next(LOGITS, random));
        assertArrayEquals(new float[] {1f, 0f, 0f, 0f}, Decoding.greedy().distribution(LOGITS));
        float[] cold = Decoding.sample(0.01).distribution(LOGITS);
        assertTrue(cold[0] > 0.999f, "a low temperature approaches greedy");
        assertEquals("temperature 0.9, top-k 40, top-p 0.95", Decoding.sample(0.9).withTopK(40).withTopP(0.95).toString());
    }

    @Test
    void sameSeedSameDraws() {
        Decoding d = Decoding.sample(1.2).withTopP(0.9);
        Random a = new Random(7);
        Random b = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(d.next(LOGITS, a), d.next(LOGITS, b));
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Decoding.sample(0));
        assertThrows(IllegalArgumentException.class, () -> Decoding.sample(1).withTopK(-1));
        assertThrows(IllegalArgumentException.class, () -> Decoding.sample(1).withTopP(1.5));
    }
}
