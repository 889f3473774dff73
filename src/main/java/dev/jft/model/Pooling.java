package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * How a sequence classifier turns per-token vectors into one vector per text.
 *
 * <pre>{@code
 * SequenceClassifier.builder().encoder("all-MiniLM-L6-v2").pooling(Pooling.MEAN)...
 * }</pre>
 */
public enum Pooling {
    /** The vector of the first token ([CLS]). */
    CLS,
    /**
     * Hugging Face's BERT pooler: tanh(dense(CLS vector)), exactly what
     * {@code BertForSequenceClassification} computes; its weights ("pooler.dense.*") come from the
     * checkpoint when it has them (hub BERT checkpoints do, the catalog models do not) or are
     * initialised from the seed.
     */
    POOLER,
    /** The mean over real tokens (padding excluded), as sentence-transformers models are trained. */
    MEAN;

    /** hidden [B, T, H], mask int64 [B, T] to [B, H] (for POOLER: the CLS vector its dense layer takes). */
    NDArray pool(NDArray hidden, NDArray mask) {
        if (this != MEAN) {
            return hidden.get(new NDIndex(":, 0, :"));
        }
        NDArray weights = mask.toType(DataType.FLOAT32, false).expandDims(2); // [B, T, 1]
        NDArray counts = weights.sum(new int[] {1}).maximum(1e-9f);           // [B, 1]
        return hidden.mul(weights).sum(new int[] {1}).div(counts);
    }
}
