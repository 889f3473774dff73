package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void scalesAllGradientsTogetherWhenTheGlobalNormIsTooLarge() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // norm of [3] and [4] together = 5; max 1 -> factor 1 / (5 + 1e-6): [0.6, 0.8] (direction kept)
            NDArray a = manager.create(new float[] {3});
            NDArray b = manager.create(new float[] {0, 4});
            double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
            assertEquals(5.0, norm, 1e-6);
            assertArrayEquals(new float[] {0.6f}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0.8f}, b.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void leavesSmallGradientsAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {0.3f, 0.4f});
            assertEquals(0.5, GradientClipping.clipGlobalNorm(List.of(a), 1.0), 1e-6);
            assertArrayEquals(new float[] {0.3f, 0.4f}, a.toFloatArray(), 0f);
        }
    }
}
