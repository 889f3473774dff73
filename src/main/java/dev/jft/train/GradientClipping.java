package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
        double scale = factor(total, maxNorm);
        if (scale != 1) {
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return total;
    }

    /**
     * What clipping multiplies gradients of global norm {@code norm} by: {@code maxNorm / (norm + 1e-6)}
     * above {@code maxNorm}, else 1 (also when {@code maxNorm <= 0}, which means no clipping).
     */
    public static double factor(double norm, double maxNorm) {
        return maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
    }

    /** The L2 norm of all gradients as one vector (one pass over each, one read-back in all). */
    public static double globalNorm(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        try (NDManager scratch = gradients.get(0).getManager().newSubManager()) {
            NDList norms = new NDList(gradients.size());
            for (NDArray gradient : gradients) {
                NDArray norm = gradient.norm();
                norm.attach(scratch);
                norms.add(norm);
            }
            NDArray total = NDArrays.stack(norms).norm();
            total.attach(scratch);
            return total.getFloat();
        }
    }
}
