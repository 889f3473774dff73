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

/**
 * One pre-LayerNorm GPT-2 block, as in Hugging Face's {@code GPT2Block}:
 * {@code x + attn(ln_1(x))}, then {@code x + mlp(ln_2(x))}, where attention projects query, key and
 * value with one fused Conv1D ({@code c_attn}, [width, 3 x width]) and the MLP is
 * {@code c_proj(gelu_tanh(c_fc(x)))}.
 */
final class Gpt2Block extends AbstractBlock {

    private final Gpt2Config config;
    private final LayerNorm norm1;
    private final Conv1D attention;
    private final Conv1D attentionProjection;
    private final LayerNorm norm2;
    private final Conv1D feedForward;
    private final Conv1D feedForwardProjection;
    private final Dropout attentionDropout;
    private final Dropout residualDropout;

    Gpt2Block(Gpt2Config config) {
        this.config = config;
        int e = config.width();
        norm1 = addChildBlock("norm_1", layerNorm(config));
        attention = addChildBlock("attn_c_attn", new Conv1D(e, 3 * e));
        attentionProjection = addChildBlock("attn_c_proj", new Conv1D(e, e));
        norm2 = addChildBlock("norm_2", layerNorm(config));
        feedForward = addChildBlock("mlp_c_fc", new Conv1D(e, config.innerSize()));
        feedForwardProjection = addChildBlock("mlp_c_proj", new Conv1D(config.innerSize(), e));
        attentionDropout = addChildBlock("attn_dropout",
                Dropout.builder().optRate((float) config.attentionDropout()).build());
        residualDropout = addChildBlock("resid_dropout",
                Dropout.builder().optRate((float) config.residualDropout()).build());
    }

    /** LayerNorm over the hidden axis only, with GPT-2's epsilon. */
    static LayerNorm layerNorm(Gpt2Config config) {
        return LayerNorm.builder().axis(2).optEpsilon((float) config.layerNormEps()).build();
    }

    WeightSlots slots() {
        int e = config.width();
        int inner = config.innerSize();
        WeightSlots s = new WeightSlots();
        addNorm(s, "ln_1.", norm1, e);
        addConv(s, "attn.c_attn.", attention, e, 3 * e);
        addConv(s, "attn.c_proj.", attentionProjection, e, e);
        addNorm(s, "ln_2.", norm2, e);
        addConv(s, "mlp.c_fc.", feedForward, e, inner);
        addConv(s, "mlp.c_proj.", feedForwardProjection, inner, e);
        return s;
    }

    static void addNorm(WeightSlots slots, String prefix, LayerNorm norm, int width) {
        BertLayer.addNorm(slots, prefix, norm, width);
    }

    private static void addConv(WeightSlots slots, String prefix, Conv1D conv, int in, int out) {
        slots.add(prefix + "weight", WeightSlot.whole(conv.weight(), in, out));
        slots.add(prefix + "bias", WeightSlot.whole(conv.bias(), out));
    }

    /** Inputs: hidden states [B, T, width] and the additive attention bias [B or 1, 1, T, S]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(store, inputs.get(0), inputs.get(1), null, -1, training));
    }

    /**
     * The block's output for {@code x}; with a cache, this layer's keys and values are appended to it
     * and the queries attend to every cached position too ({@code bias} then covers [T, cached + T]).
     */
    NDArray forward(ParameterStore store, NDArray x, NDArray bias, KeyValueCache cache, int layer, boolean training) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        int heads = config.numHeads();
        int headSize = config.headSize();

        // [B, T, 3E] -> [3, B, heads, T, headSize]
        NDArray fused = BertLayer.run(attention, store, BertLayer.run(norm1, store, x, training), training)
                .reshape(batch, length, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4);
        NDArray query = fused.get(0).div(BertLayer.scalar(x, Math.sqrt(headSize)));
        NDArray key = fused.get(1);
        NDArray value = fused.get(2);
        if (cache != null) {
            NDArray[] all = cache.append(layer, key, value);
            key = all[0];
            value = all[1];
        }
        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2)).add(bias);
        NDArray probabilities = BertLayer.dropout(attentionDropout, store, scores.softmax(-1), training);
        NDArray context = probabilities.matMul(value).transpose(0, 2, 1, 3).reshape(batch, length, heads * headSize);
        NDArray attended = x.add(BertLayer.dropout(residualDropout, store,
                BertLayer.run(attentionProjection, store, context, training), training));

        NDArray expanded = geluTanh(BertLayer.run(feedForward, store,
                BertLayer.run(norm2, store, attended, training), training));
        return attended.add(BertLayer.dropout(residualDropout, store,
                BertLayer.run(feedForwardProjection, store, expanded, training), training));
    }

    /**
     * GPT-2's GELU ("gelu_new"): {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. The constants
     * are engine arrays, never Java numbers, for the reason {@link BertLayer#scalar} gives.
     */
    static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(BertLayer.scalar(x, 0.044715))).mul(BertLayer.scalar(x, Math.sqrt(2 / Math.PI)));
        return x.mul(inner.tanh().add(BertLayer.scalar(x, 1))).mul(BertLayer.scalar(x, 0.5));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape wide = new Shape(hidden.get(0), hidden.get(1), config.innerSize());
        norm1.initialize(manager, dataType, hidden);
        attention.initialize(manager, dataType, hidden);
        attentionProjection.initialize(manager, dataType, hidden);
        norm2.initialize(manager, dataType, hidden);
        feedForward.initialize(manager, dataType, hidden);
        feedForwardProjection.initialize(manager, dataType, wide);
        attentionDropout.initialize(manager, dataType, hidden);
        residualDropout.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
