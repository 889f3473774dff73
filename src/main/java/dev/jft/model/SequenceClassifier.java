package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Text classification: encoder, pooling (CLS or masked mean), dropout, linear layer.
 * Forward returns {@code NDList(logits)} with logits [B, numLabels].
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     SequenceClassifier model = SequenceClassifier.builder()
 *             .encoder("all-MiniLM-L6-v2").labels("negative", "positive")
 *             .pooling(Pooling.CLS).dropout(0.1).seed(42).build(manager);
 *     NDArray logits = model.forward(new ParameterStore(manager, false), batch.inputs(manager), false).head();
 * }
 * }</pre>
 */
public final class SequenceClassifier extends EncoderClassifier {

    private final Pooling pooling;

    private SequenceClassifier(Builder b) {
        super(b.config(), b.labelMap(), b.dropout, b.checkpoint.tokenizerJson());
        this.pooling = b.pooling;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Pooling pooling() {
        return pooling;
    }

    @Override
    NDArray features(NDArray hidden, NDArray mask) {
        return pooling.pool(hidden, mask);
    }

    @Override
    Shape featureShape(Shape ids, int hidden) {
        return new Shape(ids.get(0), hidden);
    }

    @Override
    String architecture() {
        return "BertForSequenceClassification";
    }

    /** Options of a {@link SequenceClassifier}. */
    public static final class Builder extends EncoderClassifier.Builder<Builder> {
        private Pooling pooling = Pooling.CLS;

        /** {@link Pooling#CLS} (default) or {@link Pooling#MEAN}. */
        public Builder pooling(Pooling pooling) {
            this.pooling = java.util.Objects.requireNonNull(pooling, "pooling");
            return this;
        }

        /** Builds, initialises and loads the weights; parameters live on {@code manager}. */
        public SequenceClassifier build(NDManager manager) {
            return finish(new SequenceClassifier(this), manager);
        }
    }
}
