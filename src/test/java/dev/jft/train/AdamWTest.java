package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AdamWTest {

    // Hand computation, lr 0.1, weight decay 0.1, betas 0.9 / 0.999, eps 1e-8, w = [1, -2]:
    // step 1, g = [0.5, 0.5]: m = 0.05, v = 0.00025, m^ = 0.05 / 0.1 = 0.5, v^ = 0.00025 / 0.001 = 0.25,
    //   Adam step = 0.1 * 0.5 / (0.5 + 1e-8) = 0.1.
    //   decayed:   w = [1 * 0.99 - 0.1, -2 * 0.99 - 0.1] = [0.89, -2.08]
    //   no decay:  w = [0.9, -2.1]
    // step 2, g = [-1, 0.5]: m = 0.9 * 0.05 + 0.1 * -1 = -0.055 (and 0.095),
    //   v = 0.999 * 0.00025 + 0.001 * 1 = 0.00124975 (and 0.00049975),
    //   m^ = -0.055 / 0.19 = -0.289474, v^ = 0.00124975 / 0.001999 = 0.625188, sqrt = 0.790688,
    //   step = 0.1 * -0.289474 / 0.790688 = -0.036610 -> w0 = 0.89 * 0.99 + 0.036610 = 0.917710;
    //   w1: m^ = 0.5, v^ = 0.25 -> step 0.1 -> -2.08 * 0.99 - 0.1 = -2.1592.
    //   no decay: w0 = 0.9 + 0.036610 = 0.936610, w1 = -2.2.

    @Test
    void decoupledWeightDecayMatchesHandComputation() {
        assertArrayEquals(new float[] {0.917710f, -2.1592f}, twoSteps(true), 1e-5f);
    }

    @Test
    void parametersWithoutDecayTakeThePlainAdamStep() {
        assertArrayEquals(new float[] {0.936610f, -2.2f}, twoSteps(false), 1e-5f);
    }

    @Test
    void stateRoundTripsThroughCheckpointArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AdamW first = new AdamW(manager, 0.9, 0.999, 1e-8, 0.1);
            NDArray w = manager.create(new float[] {1, -2});
            first.update("w", w, manager.create(new float[] {0.5f, 0.5f}), 0.1, true);
            first.finishStep();
            NDList state = first.state();
            AdamW second = new AdamW(manager, 0.9, 0.999, 1e-8, 0.1);
            second.loadState(state);
            assertEquals(1, second.step());
            second.update("w", w, manager.create(new float[] {-1f, 0.5f}), 0.1, true);
            assertArrayEquals(new float[] {0.917710f, -2.1592f}, w.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void rejectsBadHyperparameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> new AdamW(manager, 1.0, 0.999, 1e-8, 0));
            assertThrows(IllegalArgumentException.class, () -> new AdamW(manager, 0.9, 0.999, 1e-8, -1));
        }
    }

    @Test
    void gradientScaleActsAsAScaledGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AdamW scaled = new AdamW(manager, 0.9, 0.999, 1e-8, 0.1);
            AdamW plain = new AdamW(manager, 0.9, 0.999, 1e-8, 0.1);
            NDArray a = manager.create(new float[] {1, -2});
            NDArray b = manager.create(new float[] {1, -2});
            NDArray gradient = manager.create(new float[] {4f, -0.5f});
            scaled.update("w", a, gradient, 0.25, 0.1, true);
            plain.update("w", b, manager.create(new float[] {1f, -0.125f}), 0.1, true);
            assertArrayEquals(b.toFloatArray(), a.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {4f, -0.5f}, gradient.toFloatArray(), "the gradient itself is left as it was");
        }
    }

    /**
     * A contiguous CPU weight is updated by {@link AdamWKernel} in its own memory (in chunks, on
     * several threads for a large one); a non-contiguous view cannot be, and takes the engine
     * operations. Both must give the same weights, over steps with decay and a gradient scale.
     */
    @Test
    void singlePassKernelAndEngineOperationsAgree() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            Shape shape = new Shape(700, 600); // 420,000 floats: 52 chunks, split across threads
            NDArray start = manager.randomNormal(shape);
            NDArray contiguous = start.duplicate();
            NDArray view = start.transpose().duplicate().transpose(); // same values, not contiguous
            AdamW kernel = new AdamW(manager, 0.9, 0.999, 1e-8, 0.01);
            AdamW engine = new AdamW(manager, 0.9, 0.999, 1e-8, 0.01);
            for (int step = 0; step < 3; step++) {
                NDArray gradient = manager.randomNormal(shape).muli(0.01);
                kernel.update("w", contiguous, gradient, 0.5, 1e-3, true);
                engine.update("w", view, gradient, 0.5, 1e-3, true);
                kernel.finishStep();
                engine.finishStep();
            }
            assertTrue(start.sub(contiguous).abs().max().getFloat() > 1e-4, "the kernel changed the weight");
            assertEquals(0, contiguous.sub(view).abs().max().getFloat(), 1e-6);
        }
    }

    private static float[] twoSteps(boolean decays) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AdamW adamW = new AdamW(manager, 0.9, 0.999, 1e-8, 0.1);
            NDArray w = manager.create(new float[] {1, -2});
            adamW.update("w", w, manager.create(new float[] {0.5f, 0.5f}), 0.1, decays);
            adamW.finishStep();
            assertArrayEquals(decays ? new float[] {0.89f, -2.08f} : new float[] {0.9f, -2.1f}, w.toFloatArray(), 1e-6f);
            adamW.update("w", w, manager.create(new float[] {-1f, 0.5f}), 0.1, decays);
            adamW.finishStep();
            return w.toFloatArray();
        }
    }
}
