package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** BERT's input layer: word + position + token-type embeddings, then LayerNorm and dropout. */
final class BertEmbeddings extends AbstractBlock {

    private final LookupEmbedding words;
    private final LookupEmbedding positions;
    private final LookupEmbedding tokenTypes;
    private final LayerNorm norm;
    private final Dropout dropout;
    private final int hidden;

    BertEmbeddings(BertConfig config) {
        hidden = config.hiddenSize();
        words = addChildBlock("word_embeddings", new LookupEmbedding(config.vocabSize(), hidden));
        positions = addChildBlock("position_embeddings", new LookupEmbedding(config.maxPositions(), hidden));
        tokenTypes = addChildBlock("token_type_embeddings", new LookupEmbedding(config.typeVocabSize(), hidden));
        norm = addChildBlock("LayerNorm", BertLayer.layerNorm(config));
        dropout = addChildBlock("dropout", Dropout.builder().optRate((float) config.hiddenDropout()).build());
    }

    WeightSlots slots(BertConfig c) {
        WeightSlots s = new WeightSlots();
        s.add("word_embeddings.weight", WeightSlot.whole(words.weight(), c.vocabSize(), hidden));
        s.add("position_embeddings.weight", WeightSlot.whole(positions.weight(), c.maxPositions(), hidden));
        s.add("token_type_embeddings.weight", WeightSlot.whole(tokenTypes.weight(), c.typeVocabSize(), hidden));
        BertLayer.addNorm(s, "LayerNorm.", norm, hidden);
        return s;
    }

    /** Inputs: input ids and token type ids, int64 [B, T]. Output: [B, T, H]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        long length = ids.getShape().get(1);
        NDArray positionIds = ids.getManager().arange(0, (int) length, 1, DataType.INT64).expandDims(0);
        NDArray sum = BertLayer.run(words, store, ids, training)
                .add(BertLayer.run(tokenTypes, store, types, training))
                .add(BertLayer.run(positions, store, positionIds, training));
        return new NDList(BertLayer.dropout(dropout, store, BertLayer.run(norm, store, sum, training), training));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        words.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, ids);
        tokenTypes.initialize(manager, dataType, ids);
        Shape out = ids.add(hidden);
        norm.initialize(manager, dataType, out);
        dropout.initialize(manager, dataType, out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(hidden)};
    }

}
