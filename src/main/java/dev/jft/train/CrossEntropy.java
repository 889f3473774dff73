package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.jft.text.TokenBatch;

/**
 * Summed softmax cross-entropy over the labelled positions, for logits [B, C] with targets [B]
 * or logits [B, T, C] with targets [B, T] where {@link TokenBatch#IGNORE_LABEL} positions do not
 * count.
 *
 * <p>It returns a sum, not a mean, so that gradients of several micro-batches (or device slices)
 * added together and divided by the total count equal the gradient of one big batch exactly.
 *
 * <pre>{@code
 * NDArray sum = CrossEntropy.sum(logits, targets);
 * long n = CrossEntropy.count(targets);
 * }</pre>
 */
public final class CrossEntropy {

    private CrossEntropy() {}

    /** Sum of {@code -log softmax(logits)[target]} over labelled positions (a scalar). */
    public static NDArray sum(NDArray logits, NDArray targets) {
        checkShapes(logits, targets);
        long classes = logits.getShape().getShape()[logits.getShape().dimension() - 1];
        NDArray flatLogits = logits.reshape(-1, classes);
        NDArray flatTargets = targets.reshape(-1).toType(DataType.INT64, false);
        NDArray labelled = flatTargets.neq(TokenBatch.IGNORE_LABEL);
        checkRange(flatTargets, labelled, classes);
        NDArray safeTargets = flatTargets.mul(labelled.toType(DataType.INT64, false));
        NDArray logProbabilities = flatLogits.logSoftmax(-1);
        // gather, not a one-hot product: a language model's 50,257 classes would need a [B x T, 50257] one-hot
        NDArray picked = logProbabilities.gather(safeTargets.reshape(-1, 1), 1).reshape(-1);
        return picked.mul(labelled.toType(picked.getDataType(), false)).sum().neg();
    }

    /** Number of labelled positions in {@code targets}. */
    public static long count(NDArray targets) {
        return targets.neq(TokenBatch.IGNORE_LABEL).sum().toType(DataType.INT64, false).getLong();
    }

    private static void checkShapes(NDArray logits, NDArray targets) {
        int rank = logits.getShape().dimension();
        boolean matches = rank == targets.getShape().dimension() + 1
                && logits.getShape().slice(0, rank - 1).equals(targets.getShape());
        if (!matches) {
            throw new IllegalArgumentException("Logits " + logits.getShape() + " do not fit targets " + targets.getShape()
                    + ": expected logits [B, C] with targets [B], or [B, T, C] with [B, T].");
        }
    }

    private static void checkRange(NDArray targets, NDArray labelled, long classes) {
        long[] values = targets.toLongArray();
        boolean[] mask = labelled.toBooleanArray();
        for (int i = 0; i < values.length; i++) {
            if (mask[i] && (values[i] < 0 || values[i] >= classes)) {
                throw new IllegalArgumentException("Label " + values[i] + " is out of range: the model has " + classes
                        + " classes (0 to " + (classes - 1) + "); use " + TokenBatch.IGNORE_LABEL + " to skip a token.");
            }
        }
    }
}
