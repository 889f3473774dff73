package dev.jft.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The fp32 matrix-product speed this machine reaches through DJL and PyTorch on one large square
 * product: the practical ceiling for an encoder made of matrix products.
 *
 * <pre>{@code
 * double peak = MatmulPeak.gflops(manager, 1024, 3, 40);
 * }</pre>
 */
public final class MatmulPeak {

    private MatmulPeak() {}

    /** GFLOP/s of {@code rounds} products of two n x n matrices, after {@code warmup} untimed ones. */
    public static double gflops(NDManager manager, int n, int warmup, int rounds) throws Exception {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = scope.randomUniform(-1, 1, new Shape(n, n));
            Timing.Work product = () -> {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // PyTorch on the CPU computes eagerly; this makes sure it is done
                }
            };
            double seconds = Timing.seconds(warmup, product, () -> {
                for (int i = 0; i < rounds; i++) {
                    product.run();
                }
            });
            return 2.0 * n * n * n * rounds / seconds / 1e9;
        }
    }
}
