package dev.jft.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Global-norm gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}: when the L2 norm of
 * all gradients taken together exceeds {@code maxNorm}, every gradient is scaled by
 * {@code maxNorm / (norm + 1e-6)}, so the direction of the step is kept.
 *
 * <p>DJL's {@code optClipGrad} clamps each element instead, which changes the direction.
 *
 * <pre>{@code
 * double norm = GradientClipping.clipGlobalNorm(gradients, 1.0); // norm before clipping
 * }</pre>
 */
public final class GradientClipping {

    private GradientClipping() {}

    /** Scales {@code gradients} in place when needed; returns their total norm before clipping. */
    public static double clipGlobalNorm(List<NDArray> gradients, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        double total = globalNorm(gradients);
        if (total > maxNorm) {
            double scale = maxNorm / (total + 1e-6);
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return total;
    }

    /** The L2 norm of all gradients as one vector. */
    public static double globalNorm(List<NDArray> gradients) {
        double sumOfSquares = 0;
        for (NDArray gradient : gradients) {
            try (NDArray squares = gradient.square(); NDArray sum = squares.sum()) {
                sumOfSquares += sum.getFloat();
            }
        }
        return Math.sqrt(sumOfSquares);
    }
}
