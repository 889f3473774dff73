package dev.jft.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Wraps a model and turns its logits into NaN from the n-th training forward pass on. */
final class PoisonedClassifier extends AbstractBlock {

    private final TinyClassifier inner;
    private final int healthyCalls;
    private int calls;

    PoisonedClassifier(TinyClassifier inner, int healthyCalls) {
        this.inner = addChildBlock("tiny", inner);
        this.healthyCalls = healthyCalls;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList logits = inner.forward(store, inputs, training);
        if (training && ++calls > healthyCalls) {
            return new NDList(logits.head().mul(Float.NaN));
        }
        return logits;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }
}
