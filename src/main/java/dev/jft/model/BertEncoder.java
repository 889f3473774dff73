package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder that computes exactly what Hugging Face's {@code BertModel} computes (its
 * {@code last_hidden_state}), built from DJL blocks: embeddings, post-LayerNorm transformer layers
 * with exact (erf) GELU, and the additive attention mask {@code (1 - mask) * lowest float}.
 *
 * <p>Forward: {@code NDList(inputIds, attentionMask, tokenTypeIds)}, each int64 [B, T]; returns
 * {@code NDList(hidden)} with hidden float32 [B, T, H]. Token type ids may be left out (all zero).
 *
 * <pre>{@code
 * Checkpoint checkpoint = ModelCatalog.load("all-MiniLM-L6-v2");
 * BertEncoder encoder = BertEncoder.pretrained(checkpoint, manager);
 * NDArray hidden = encoder.forward(new ParameterStore(manager, false), batch.inputs(manager), false).head();
 * }</pre>
 */
public final class BertEncoder extends AbstractBlock {

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();

    /** An encoder with the given shape; call {@link #initialize} and then {@link #loadWeights}. */
    public BertEncoder(BertConfig config) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        for (int i = 0; i < config.numLayers(); i++) {
            layers.add(addChildBlock("layer_" + i, new BertLayer(config)));
        }
        // Hugging Face's initialisation (only visible when no pretrained weights are loaded).
        setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    }

    /** An initialised encoder holding the checkpoint's weights, its parameters attached to {@code manager}. */
    public static BertEncoder pretrained(Checkpoint checkpoint, NDManager manager) {
        BertEncoder encoder = new BertEncoder(checkpoint.config());
        encoder.initialize(manager, DataType.FLOAT32, inputShapes());
        encoder.loadWeights(checkpoint.weights(), checkpoint.name());
        return encoder;
    }

    /** Shapes to initialise with (any batch and length work afterwards). */
    public static Shape[] inputShapes() {
        Shape ids = new Shape(1, 8);
        return new Shape[] {ids, ids, ids};
    }

    public BertConfig config() {
        return config;
    }

    /** Number of transformer layers. */
    public int layerCount() {
        return layers.size();
    }

    /**
     * Copies Hugging Face named weights (no "bert." prefix) into this initialised encoder. Every
     * weight must be used: one the encoder has no place for (e.g. a 7th layer when config.json says 6)
     * fails the load, naming it. Only the pooler ("pooler.*", used by a classifier's POOLER pooling)
     * and pretraining heads ("cls.*") may be left over.
     */
    public void loadWeights(Map<String, FloatTensor> weights, String source) {
        WeightSlots slots = slots();
        List<String> unused = weights.keySet().stream()
                .filter(name -> !slots.asMap().containsKey(name))
                .filter(name -> !name.startsWith("pooler.") && !name.startsWith("cls."))
                .toList();
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + unused.size() + " weights have no place in a "
                    + config.numLayers() + "-layer encoder, e.g. " + unused.subList(0, Math.min(4, unused.size()))
                    + " (does config.json's num_hidden_layers match the weights?)");
        }
        slots.copyIn(weights, source);
    }

    /** This encoder's weights with their Hugging Face names (no "bert." prefix). */
    public Map<String, FloatTensor> weights() {
        return slots().copyOut();
    }

    WeightSlots slots() {
        WeightSlots all = new WeightSlots();
        all.addAll("embeddings.", embeddings.slots(config));
        for (int i = 0; i < layers.size(); i++) {
            all.addAll("encoder.layer." + i + ".", layers.get(i).slots());
        }
        return all;
    }

    /** Index of the transformer layer a weight belongs to, -1 for the embeddings. */
    static int layerOf(String hfName) {
        if (!hfName.startsWith("encoder.layer.")) {
            return -1;
        }
        String rest = hfName.substring("encoder.layer.".length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray types = inputs.size() > 2 ? inputs.get(2) : ids.zerosLike();
        NDArray hidden = embeddings.forward(store, new NDList(ids, types), training).head();
        NDArray maskBias = additiveMask(mask);
        for (BertLayer layer : layers) {
            hidden = layer.forward(store, new NDList(hidden, maskBias), training).head();
        }
        return new NDList(hidden);
    }

    /** Hugging Face's extended mask: 0 where attended, the lowest float where masked; [B, 1, 1, T]. */
    static NDArray additiveMask(NDArray mask) {
        long batch = mask.getShape().get(0);
        long length = mask.getShape().get(1);
        return mask.toType(DataType.FLOAT32, false).neg().add(1f).mul(-Float.MAX_VALUE)
                .reshape(batch, 1, 1, length);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embeddings.initialize(manager, dataType, ids, ids);
        Shape hidden = ids.add(config.hiddenSize());
        Shape mask = new Shape(ids.get(0), 1, 1, ids.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hiddenSize())};
    }
}
