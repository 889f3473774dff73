package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

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
    private final Linear pooler; // only for Pooling.POOLER

    private SequenceClassifier(Builder b) {
        super(b.config(), b.labelMap(), b.dropout, b.checkpoint.tokenizerJson());
        this.pooling = b.pooling != null ? b.pooling
                : b.checkpoint.pooling() != null ? b.checkpoint.pooling() : Pooling.CLS;
        this.pooler = pooling == Pooling.POOLER
                ? addChildBlock("pooler", BertLayer.linear(b.config().hiddenSize())) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Pooling pooling() {
        return pooling;
    }

    @Override
    NDArray features(NDArray hidden, NDArray mask, ParameterStore store, boolean training) {
        NDArray pooled = pooling.pool(hidden, mask);
        return pooler == null ? pooled : BertLayer.run(pooler, store, pooled, training).tanh();
    }

    @Override
    WeightSlots poolerSlots() {
        WeightSlots slots = new WeightSlots();
        if (pooler != null) {
            int h = encoder().config().hiddenSize();
            BertLayer.addLinear(slots, "pooler.dense.", pooler, h, h);
        }
        return slots;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        if (pooler != null) {
            pooler.initialize(manager, dataType, featureShape(inputShapes[0], encoder().config().hiddenSize()));
        }
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
        private Pooling pooling;

        /**
         * {@link Pooling#CLS}, {@link Pooling#MEAN} or {@link Pooling#POOLER}; default: the pooling a
         * saved classifier was trained with, else CLS.
         */
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
