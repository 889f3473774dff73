package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A GPT-2 language model that computes exactly what Hugging Face's {@code GPT2LMHeadModel} computes:
 * token + learned position embeddings, pre-LayerNorm blocks with causal self-attention (fused
 * query/key/value Conv1D stored [in, out]), GELU with the tanh approximation, a final LayerNorm
 * ({@code ln_f}) and an LM head tied to the token embeddings ({@code logits = h wte^T}).
 *
 * <p>Forward: {@code NDList(inputIds [, attentionMask [, tokenTypeIds]])}, int64 [B, T] (token types
 * are ignored: GPT-2 has none; the mask, 1 for real tokens, keeps padding keys out of attention);
 * returns {@code NDList(logits)}, float32 [B, T, vocab]. So it trains with {@code FineTuner} on
 * {@code TokenBatch}es whose token labels are the next tokens. For generation, {@link #forward(
 * ParameterStore, NDArray, NDArray, KeyValueCache, boolean)} continues from a {@link KeyValueCache}.
 *
 * <pre>{@code
 * Gpt2Checkpoint checkpoint = Gpt2Checkpoints.load(Path.of("gpt2"));   // a hub folder
 * Gpt2Decoder gpt2 = Gpt2Decoder.pretrained(checkpoint, manager);
 * NDArray logits = gpt2.forward(new ParameterStore(manager, false), new NDList(ids), false).head();
 * }</pre>
 */
public final class Gpt2Decoder extends AbstractBlock {

    private final Gpt2Config config;
    private final LookupEmbedding tokens;
    private final LookupEmbedding positions;
    private final Dropout embeddingDropout;
    private final List<Gpt2Block> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    /** A decoder with the given shape; call {@link #initialize} and then {@link #loadWeights}. */
    public Gpt2Decoder(Gpt2Config config) {
        this.config = config;
        tokens = addChildBlock("wte", new LookupEmbedding(config.vocabSize(), config.width()));
        positions = addChildBlock("wpe", new LookupEmbedding(config.maxPositions(), config.width()));
        embeddingDropout = addChildBlock("embd_dropout",
                Dropout.builder().optRate((float) config.embeddingDropout()).build());
        for (int i = 0; i < config.numLayers(); i++) {
            layers.add(addChildBlock("layer_" + i, new Gpt2Block(config)));
        }
        finalNorm = addChildBlock("norm_f", Gpt2Block.layerNorm(config));
        // Hugging Face's N(0, 0.02) when initialised by DJL (random() also scales the residual projections).
        setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    }

    /** An initialised decoder holding the checkpoint's weights, its parameters attached to {@code manager}. */
    public static Gpt2Decoder pretrained(Gpt2Checkpoint checkpoint, NDManager manager) {
        Gpt2Decoder decoder = new Gpt2Decoder(checkpoint.config());
        decoder.initialize(manager, DataType.FLOAT32, inputShapes());
        decoder.loadWeights(checkpoint.weights(), checkpoint.name());
        return decoder;
    }

    /** A decoder initialised as Hugging Face initialises GPT-2 ({@link Gpt2Checkpoint#random}), from a seed. */
    public static Gpt2Decoder random(Gpt2Config config, long seed, NDManager manager) {
        return pretrained(Gpt2Checkpoint.random(config, seed, null), manager);
    }

    /** Shapes to initialise with (any batch and length up to the position table work afterwards). */
    public static Shape[] inputShapes() {
        Shape ids = new Shape(1, 8);
        return new Shape[] {ids, ids, ids};
    }

    public Gpt2Config config() {
        return config;
    }

    /** Number of transformer blocks. */
    public int layerCount() {
        return layers.size();
    }

    /** An empty key/value cache for this decoder, its arrays in a sub-manager of {@code manager}. */
    public KeyValueCache newCache(NDManager manager) {
        return new KeyValueCache(layers.size(), manager);
    }

    /**
     * Copies Hugging Face named weights ({@code wte.weight}, {@code h.0.attn.c_attn.weight}, ...; no
     * "transformer." prefix) into this initialised decoder. Every tensor must fit; one the decoder has
     * no place for (e.g. a 13th block when config.json says 12) fails the load, naming it. The causal
     * mask buffers old checkpoints carry ({@code h.N.attn.bias}, {@code h.N.attn.masked_bias}) are not
     * weights and are skipped; an {@code lm_head.weight} must equal {@code wte.weight} (tied).
     */
    public void loadWeights(Map<String, FloatTensor> weights, String source) {
        WeightSlots slots = slots();
        FloatTensor head = weights.get("lm_head.weight");
        FloatTensor wte = weights.get("wte.weight");
        if (head != null && wte != null && !Arrays.equals(head.data(), wte.data())) {
            throw new IllegalArgumentException(source + ": lm_head.weight differs from wte.weight, but GPT-2's LM head"
                    + " is tied to the token embeddings (tie_word_embeddings); this decoder supports tied heads only");
        }
        List<String> unused = weights.keySet().stream()
                .filter(name -> !slots.asMap().containsKey(name) && !isBuffer(name) && !name.equals("lm_head.weight"))
                .toList();
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + unused.size() + " weights have no place in a "
                    + config.numLayers() + "-layer GPT-2, e.g. " + unused.subList(0, Math.min(4, unused.size()))
                    + " (does config.json's n_layer match the weights?)");
        }
        slots.copyIn(weights, source);
    }

    /** True for the causal-mask buffers that GPT-2 checkpoints may hold next to the weights. */
    static boolean isBuffer(String name) {
        return name.matches("h\\.\\d+\\.attn\\.(bias|masked_bias)");
    }

    /** This decoder's weights with their Hugging Face names (no "transformer." prefix). */
    public Map<String, FloatTensor> weights() {
        return slots().copyOut();
    }

    WeightSlots slots() {
        int e = config.width();
        WeightSlots all = new WeightSlots();
        all.add("wte.weight", WeightSlot.whole(tokens.weight(), config.vocabSize(), e));
        all.add("wpe.weight", WeightSlot.whole(positions.weight(), config.maxPositions(), e));
        for (int i = 0; i < layers.size(); i++) {
            all.addAll("h." + i + ".", layers.get(i).slots());
        }
        Gpt2Block.addNorm(all, "ln_f.", finalNorm, e);
        return all;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(store, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, null, training));
    }

    /**
     * Logits [B, T, vocab] for the new tokens {@code ids} [B, T]. With a cache, the tokens continue the
     * cached positions (their positions start at {@code cache.length()}) and their keys and values are
     * added to it. {@code mask} (int64 or float, 1 = real token) covers all positions, cached ones
     * included: [B, cached + T]; null means every token is real.
     *
     * @throws IllegalArgumentException when the sequence would pass the position table
     */
    public NDArray forward(ParameterStore store, NDArray ids, NDArray mask, KeyValueCache cache, boolean training) {
        long past = cache == null ? 0 : cache.length();
        long length = ids.getShape().get(1);
        if (past + length > config.maxPositions()) {
            throw new IllegalArgumentException("A sequence of " + (past + length) + " tokens"
                    + (past > 0 ? " (" + past + " cached + " + length + " new)" : "") + " is longer than this model's "
                    + config.maxPositions() + " positions (n_positions): shorten the text or the generation");
        }
        NDManager manager = ids.getManager();
        NDArray positionIds = manager.arange(past, past + length, 1, DataType.INT64).expandDims(0);
        NDArray hidden = BertLayer.run(tokens, store, ids, training)
                .add(BertLayer.run(positions, store, positionIds, training));
        hidden = BertLayer.dropout(embeddingDropout, store, hidden, training);
        NDArray bias = attentionBias(manager, length, past, mask);
        for (int i = 0; i < layers.size(); i++) {
            hidden = layers.get(i).forward(store, hidden, bias, cache, i, training);
        }
        hidden = BertLayer.run(finalNorm, store, hidden, training);
        NDArray wte = store.getValue(tokens.weight(), hidden.getDevice(), training);
        return hidden.matMul(wte.transpose());
    }

    /**
     * The additive attention bias [B or 1, 1, T, past + T]: 0 where query i may attend key j (j at most
     * past + i, and key j a real token), the lowest float elsewhere. One bias for both conditions, so a
     * row whose keys are all masked stays finite.
     */
    static NDArray attentionBias(NDManager manager, long length, long past, NDArray mask) {
        long keys = past + length;
        float[] allowed = new float[(int) (length * keys)];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j <= past + i; j++) {
                allowed[(int) (i * keys + j)] = 1f;
            }
        }
        NDArray causal = manager.create(allowed, new Shape(1, 1, length, keys));
        if (mask != null) {
            if (mask.getShape().get(1) != keys) {
                throw new IllegalArgumentException("The attention mask covers " + mask.getShape().get(1)
                        + " positions but the attention spans " + keys + " (" + past + " cached + " + length + " new)");
            }
            causal = causal.mul(mask.toType(DataType.FLOAT32, false).reshape(mask.getShape().get(0), 1, 1, keys));
        }
        return causal.neg().add(1f).mul(-Float.MAX_VALUE);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        tokens.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, ids);
        Shape hidden = ids.add(config.width());
        embeddingDropout.initialize(manager, dataType, hidden);
        Shape bias = new Shape(1, 1, ids.get(1), ids.get(1));
        for (Gpt2Block layer : layers) {
            layer.initialize(manager, dataType, hidden, bias);
        }
        finalNorm.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabSize())};
    }
}
