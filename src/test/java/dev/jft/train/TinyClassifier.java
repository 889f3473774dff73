package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small test model with the shape of an encoder + head: embedding, {@code layers} residual
 * Linear+ReLU layers, a LayerNorm, dropout, then a classifier on the masked mean (sequence mode)
 * or on every token (token mode). Every operation takes the input as first operand, so results
 * belong to the caller's manager.
 */
final class TinyClassifier extends AbstractBlock {

    private final int vocab;
    private final int hidden;
    private final boolean tokenLevel;
    private final Parameter embedding;
    private final List<Linear> layers = new ArrayList<>();
    private final LayerNorm norm;
    private final Dropout dropout;
    private final Linear classifier;
    /** Called at the start of every training forward pass (tests of concurrency hook in here). */
    private Runnable onTrainingForward = () -> {};

    TinyClassifier(int vocab, int hidden, int classes, int numLayers, boolean tokenLevel, float dropoutRate) {
        this.vocab = vocab;
        this.hidden = hidden;
        this.tokenLevel = tokenLevel;
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocab, hidden)).build());
        for (int i = 0; i < numLayers; i++) {
            layers.add(addChildBlock("layer_" + i, Linear.builder().setUnits(hidden).build()));
        }
        norm = addChildBlock("LayerNorm", LayerNorm.builder().axis(2).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    }

    void onTrainingForward(Runnable hook) {
        onTrainingForward = hook;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (training) {
            onTrainingForward.run();
        }
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false);
        NDArray weight = store.getValue(embedding, ids.getDevice(), training);
        NDArray x = ids.oneHot(vocab, DataType.FLOAT32).matMul(weight);
        for (Linear layer : layers) {
            x = x.add(Activation.relu(layer.forward(store, new NDList(x), training).head()));
        }
        x = norm.forward(store, new NDList(x), training).head();
        x = dropout.forward(store, new NDList(x), training).head();
        if (!tokenLevel) {
            NDArray weights = mask.expandDims(2);
            x = x.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}));
        }
        return classifier.forward(store, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape hiddenShape = tokenLevel ? new Shape(ids.get(0), ids.get(1), hidden) : new Shape(ids.get(0), hidden);
        return classifier.getOutputShapes(new Shape[] {hiddenShape});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        Shape tokens = new Shape(ids.get(0), ids.get(1), hidden);
        for (Linear layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
        dropout.initialize(manager, dataType, tokens);
        classifier.initialize(manager, dataType, tokenLevel ? tokens : new Shape(ids.get(0), hidden));
    }
}
