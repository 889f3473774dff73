package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {

    @Test
    void sumsNegativeLogLikelihoods() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // row 1: equal logits -> -log(1/2) = ln 2; row 2: logits [ln 3, 0] -> p(0) = 3/4 -> -ln(3/4)
            NDArray logits = manager.create(new float[] {0, 0, (float) Math.log(3), 0}, new Shape(2, 2));
            NDArray targets = manager.create(new long[] {1, 0});
            assertEquals(Math.log(2) - Math.log(0.75), CrossEntropy.sum(logits, targets).getFloat(), 1e-6);
            assertEquals(2, CrossEntropy.count(targets));
        }
    }

    @Test
    void skipsIgnoredTokens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // [1, 2, 2] logits, second token ignored: only ln 2 from the first
            NDArray logits = manager.create(new float[] {0, 0, 50, -50}, new Shape(1, 2, 2));
            NDArray targets = manager.create(new long[][] {{0, -100}});
            assertEquals(Math.log(2), CrossEntropy.sum(logits, targets).getFloat(), 1e-6);
            assertEquals(1, CrossEntropy.count(targets));
        }
    }

    @Test
    void clearErrorsForBadLabelsAndShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(2, 3));
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                    () -> CrossEntropy.sum(logits, manager.create(new long[] {0, 3})));
            assertTrue(range.getMessage().contains("out of range"), range.getMessage());
            assertThrows(IllegalArgumentException.class, () -> CrossEntropy.sum(logits, manager.create(new long[] {0, 1, 2})));
        }
    }
}
