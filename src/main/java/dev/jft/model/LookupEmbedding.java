package dev.jft.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A table of vectors looked up by int64 id, with DJL's embedding operator. DJL's own Embedding blocks
 * map Java items (words) to ids; BERT already has ids, so this block takes them directly.
 */
final class LookupEmbedding extends AbstractBlock {

    private final Parameter weight;
    private final int size;

    LookupEmbedding(int count, int size) {
        this.size = size;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(count, size))
                .build());
    }

    Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        var ids = inputs.singletonOrThrow();
        return Embedding.embedding(ids, store.getValue(weight, ids.getDevice(), training), SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(size)};
    }
}
