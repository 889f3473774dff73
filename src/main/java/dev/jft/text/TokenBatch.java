package dev.jft.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Objects;

/**
 * One mini-batch of tokenized examples, held as plain Java arrays until a model needs it.
 *
 * <p>All rows share one length (the batch is padded). Exactly one kind of label is present for
 * training: {@code labels} (one class per example, sequence classification) or {@code tokenLabels}
 * (one class per token, {@link #IGNORE_LABEL} where no label applies); both are null for inference.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     NDList inputs = batch.inputs(manager);   // input ids, attention mask, token type ids
 *     NDArray targets = batch.targets(manager); // int64 labels
 * }
 * }</pre>
 */
public record TokenBatch(
        long[][] inputIds, long[][] attentionMask, long[][] tokenTypeIds, int[] labels, int[][] tokenLabels) {

    /** Label of a position that must not count in the loss or the metrics (as in Hugging Face). */
    public static final int IGNORE_LABEL = -100;

    public TokenBatch {
        Objects.requireNonNull(inputIds, "inputIds");
        Objects.requireNonNull(attentionMask, "attentionMask");
        Objects.requireNonNull(tokenTypeIds, "tokenTypeIds");
        if (labels != null && tokenLabels != null) {
            throw new IllegalArgumentException("A batch has sequence labels or token labels, not both");
        }
    }

    /** Number of examples. */
    public int size() {
        return inputIds.length;
    }

    /** Padded sequence length. */
    public int length() {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }

    /** The model inputs: input ids, attention mask and token type ids, each int64 [batch, length]. */
    public NDList inputs(NDManager manager) {
        return new NDList(manager.create(inputIds), manager.create(attentionMask), manager.create(tokenTypeIds));
    }

    /** The labels as int64: [batch] for sequence labels, [batch, length] for token labels. */
    public NDArray targets(NDManager manager) {
        if (labels != null) {
            long[] values = new long[labels.length];
            for (int i = 0; i < labels.length; i++) {
                values[i] = labels[i];
            }
            return manager.create(values);
        }
        if (tokenLabels != null) {
            long[][] values = new long[tokenLabels.length][];
            for (int i = 0; i < tokenLabels.length; i++) {
                values[i] = new long[tokenLabels[i].length];
                for (int j = 0; j < tokenLabels[i].length; j++) {
                    values[i][j] = tokenLabels[i][j];
                }
            }
            return manager.create(values);
        }
        throw new IllegalStateException("This batch has no labels (it was built for inference)");
    }
}
