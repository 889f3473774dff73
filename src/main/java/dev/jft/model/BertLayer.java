package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-LayerNorm BERT transformer layer, as in Hugging Face: self-attention (query, key and
 * value fused into one matrix product), residual + LayerNorm, GELU feed-forward, residual + LayerNorm.
 */
final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final Linear qkv;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;
    private final Dropout attentionDropout;
    private final Dropout hiddenDropout;

    BertLayer(BertConfig config) {
        this.config = config;
        int h = config.hiddenSize();
        qkv = addChildBlock("qkv", linear(3 * h));
        attentionOutput = addChildBlock("attention_output", linear(h));
        attentionNorm = addChildBlock("attention_norm", layerNorm(config));
        intermediate = addChildBlock("intermediate", linear(config.intermediateSize()));
        output = addChildBlock("output", linear(h));
        outputNorm = addChildBlock("output_norm", layerNorm(config));
        attentionDropout = addChildBlock("attention_dropout",
                Dropout.builder().optRate((float) config.attentionDropout()).build());
        hiddenDropout = addChildBlock("hidden_dropout",
                Dropout.builder().optRate((float) config.hiddenDropout()).build());
    }

    static Linear linear(long units) {
        return Linear.builder().setUnits(units).optBias(true).build();
    }

    /** LayerNorm over the hidden axis only (DJL's default normalises all non-batch axes, eps 1e-5). */
    static LayerNorm layerNorm(BertConfig config) {
        return LayerNorm.builder().axis(2).optEpsilon((float) config.layerNormEps()).build();
    }

    static void addNorm(WeightSlots slots, String prefix, LayerNorm norm, int hidden) {
        slots.add(prefix + "weight", WeightSlot.whole(parameter(norm, "gamma"), hidden));
        slots.add(prefix + "bias", WeightSlot.whole(parameter(norm, "beta"), hidden));
    }

    static void addLinear(WeightSlots slots, String prefix, Linear linear, int out, int in) {
        slots.add(prefix + "weight", WeightSlot.whole(parameter(linear, "weight"), out, in));
        slots.add(prefix + "bias", WeightSlot.whole(parameter(linear, "bias"), out));
    }

    static ai.djl.nn.Parameter parameter(Block block, String name) {
        return block.getParameters().get(name);
    }

    WeightSlots slots() {
        int h = config.hiddenSize();
        int i = config.intermediateSize();
        WeightSlots s = new WeightSlots();
        String[] parts = {"query", "key", "value"};
        for (int p = 0; p < parts.length; p++) {
            String prefix = "attention.self." + parts[p] + ".";
            s.add(prefix + "weight", new WeightSlot(parameter(qkv, "weight"), p * h * h, new long[] {h, h}));
            s.add(prefix + "bias", new WeightSlot(parameter(qkv, "bias"), p * h, new long[] {h}));
        }
        addLinear(s, "attention.output.dense.", attentionOutput, h, h);
        addNorm(s, "attention.output.LayerNorm.", attentionNorm, h);
        addLinear(s, "intermediate.dense.", intermediate, i, h);
        addLinear(s, "output.dense.", output, h, i);
        addNorm(s, "output.LayerNorm.", outputNorm, h);
        return s;
    }

    /** Inputs: hidden states [B, T, H] and the additive attention mask [B, 1, 1, T]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray maskBias = inputs.get(1);
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        int heads = config.numHeads();
        int headSize = config.headSize();

        // [B, T, 3H] -> [3, B, heads, T, headSize]
        NDArray fused = run(qkv, store, x, training)
                .reshape(batch, length, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4);
        // Scaling the query, not the scores: length x headSize divisions instead of length x length.
        NDArray query = fused.get(0).div(scalar(x, Math.sqrt(headSize)));
        NDArray key = fused.get(1);
        NDArray value = fused.get(2);
        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2)).add(maskBias);
        NDArray probabilities = dropout(attentionDropout, store, scores.softmax(-1), training);
        NDArray context = probabilities.matMul(value).transpose(0, 2, 1, 3).reshape(batch, length, heads * headSize);

        NDArray attended = run(attentionNorm, store,
                dropout(hiddenDropout, store, run(attentionOutput, store, context, training), training).add(x), training);
        NDArray expanded = Activation.gelu(run(intermediate, store, attended, training));
        NDArray out = run(outputNorm, store,
                dropout(hiddenDropout, store, run(output, store, expanded, training), training).add(attended), training);
        return new NDList(out);
    }

    /**
     * A 0-d tensor holding {@code value}, in {@code like}'s manager, type and device, whose memory
     * belongs to PyTorch. Never pass a Java number to an operation autograd records with it (as
     * {@code div(Number)} would): DJL wraps the number's Java buffer without copying and closes it
     * right after the operation, but backward still reads it; once the garbage collector frees the
     * buffer, the gradients are computed from whatever memory took its place (NaN losses a few
     * steps later, only on some runs).
     */
    static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** Dropout while training; outside training the input itself, without a call into the engine. */
    static NDArray dropout(Dropout dropout, ParameterStore store, NDArray input, boolean training) {
        return training ? run(dropout, store, input, true) : input;
    }

    /** Runs a single-input, single-output block. */
    static NDArray run(Block block, ParameterStore store, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).head();
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape wide = new Shape(hidden.get(0), hidden.get(1), config.intermediateSize());
        qkv.initialize(manager, dataType, hidden);
        attentionOutput.initialize(manager, dataType, hidden);
        attentionNorm.initialize(manager, dataType, hidden);
        intermediate.initialize(manager, dataType, hidden);
        output.initialize(manager, dataType, wide);
        outputNorm.initialize(manager, dataType, hidden);
        attentionDropout.initialize(manager, dataType, hidden);
        hiddenDropout.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
