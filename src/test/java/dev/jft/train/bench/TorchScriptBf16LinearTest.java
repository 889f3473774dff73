package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bf16 route through a TorchScript module: float32 in and out, bf16-close values, gradients to float32. */
class TorchScriptBf16LinearTest {

    @TempDir
    Path folder;
    private NDManager manager;
    private TorchScriptBf16Linear bf16;

    @BeforeEach
    void loadTheModule() throws Exception {
        manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed(7);
        bf16 = TorchScriptBf16Linear.load(manager, folder);
    }

    @AfterEach
    void close() {
        bf16.close();
        manager.close();
    }

    @Test
    void computesTheLinearLayerToBf16Precision() {
        NDArray x = manager.randomNormal(new Shape(32, 48));
        NDArray weight = weight(24, 48);
        NDArray bias = manager.randomNormal(new Shape(24));
        NDArray exact = Linear.linear(x, weight, bias).singletonOrThrow();
        NDArray approximate = bf16.apply(x, weight, bias, false);
        assertEquals(DataType.FLOAT32, approximate.getDataType());
        assertEquals(exact.getShape(), approximate.getShape());
        float relative = Bf16Probe.relativeDifference(exact, approximate);
        // bf16 keeps 8 significant bits: inputs rounded to 2^-9 relative, sums over 48 products
        assertTrue(relative < 0.02f, "relative difference " + relative);
        assertTrue(relative > 0f, "bf16 rounding must show: the product cannot be float32 in disguise");
    }

    @Test
    void trainingModeSendsFloat32GradientsToTheWeights() {
        NDArray x = manager.randomNormal(new Shape(16, 32));
        NDArray weight = weight(8, 32);
        weight.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(bf16.apply(x, weight, manager.zeros(new Shape(8)), true).sum());
        }
        NDArray gradient = weight.getGradient();
        assertEquals(DataType.FLOAT32, gradient.getDataType());
        // d(sum of x . W^T)/dW[j, k] = sum over rows of x[., k], for every output j
        NDArray expected = x.sum(new int[] {0}).broadcast(new Shape(8, 32));
        float relative = Bf16Probe.relativeDifference(expected, gradient);
        assertTrue(relative < 0.02f, "gradient relative difference " + relative);
    }

    private NDArray weight(int out, int in) {
        return manager.randomNormal(0, 0.2f, new Shape(out, in), DataType.FLOAT32);
    }
}
