package dev.jft.model;

import dev.jft.course.Json;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The shape and settings of a BERT encoder, with Hugging Face's {@code config.json} keys.
 *
 * <pre>{@code
 * BertConfig config = BertConfig.fromWeights(weights, 12);  // sizes read off the weight shapes
 * String json = config.toJson().toString();                 // what config.json holds
 * BertConfig noDropout = config.withDropout(0, 0);
 * }</pre>
 */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int intermediateSize,
        int maxPositions,
        int typeVocabSize,
        double layerNormEps,
        double hiddenDropout,
        double attentionDropout) {

    /** LayerNorm epsilon of BERT (and of all three catalog models). */
    public static final double BERT_LAYER_NORM_EPS = 1e-12;

    public BertConfig {
        if (numHeads <= 0 || hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException(
                    "hidden size " + hiddenSize + " must split evenly into " + numHeads + " attention heads");
        }
        checkRate("hidden_dropout_prob", hiddenDropout);
        checkRate("attention_probs_dropout_prob", attentionDropout);
    }

    /** Size of one attention head. */
    public int headSize() {
        return hiddenSize / numHeads;
    }

    /** The same model with other dropout rates (0 turns dropout off). */
    public BertConfig withDropout(double hidden, double attention) {
        return new BertConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxPositions,
                typeVocabSize, layerNormEps, hidden, attention);
    }

    /**
     * Reads the sizes off Hugging Face named weights (no "bert." prefix); the number of heads is not
     * visible in the weights and must be given. Dropout defaults to BERT's 0.1.
     */
    public static BertConfig fromWeights(Map<String, FloatTensor> weights, int numHeads) {
        long[] words = required(weights, "embeddings.word_embeddings.weight").shape();
        long[] positions = required(weights, "embeddings.position_embeddings.weight").shape();
        long[] types = required(weights, "embeddings.token_type_embeddings.weight").shape();
        long[] intermediate = required(weights, "encoder.layer.0.intermediate.dense.weight").shape();
        int layers = 0;
        while (weights.containsKey("encoder.layer." + layers + ".output.dense.weight")) {
            layers++;
        }
        return new BertConfig((int) words[0], (int) words[1], layers, numHeads, (int) intermediate[0],
                (int) positions[0], (int) types[0], BERT_LAYER_NORM_EPS, 0.1, 0.1);
    }

    /** Parses a Hugging Face BERT {@code config.json}. */
    public static BertConfig fromJson(String json) {
        JsonObject o = Json.parse(json).getAsJsonObject();
        String act = o.has("hidden_act") ? o.get("hidden_act").getAsString() : "gelu";
        if (!act.equals("gelu")) {
            throw new IllegalArgumentException("Only hidden_act \"gelu\" (exact erf GELU) is supported, config has \""
                    + act + "\"");
        }
        return new BertConfig(intKey(o, "vocab_size"), intKey(o, "hidden_size"), intKey(o, "num_hidden_layers"),
                intKey(o, "num_attention_heads"), intKey(o, "intermediate_size"),
                intKey(o, "max_position_embeddings"),
                o.has("type_vocab_size") ? o.get("type_vocab_size").getAsInt() : 2,
                o.has("layer_norm_eps") ? o.get("layer_norm_eps").getAsDouble() : BERT_LAYER_NORM_EPS,
                o.has("hidden_dropout_prob") ? o.get("hidden_dropout_prob").getAsDouble() : 0.1,
                o.has("attention_probs_dropout_prob") ? o.get("attention_probs_dropout_prob").getAsDouble() : 0.1);
    }

    /** The Hugging Face {@code config.json} content (architecture "BertModel"). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray architectures = new com.google.gson.JsonArray();
        architectures.add("BertModel");
        o.add("architectures", architectures);
        o.addProperty("model_type", "bert");
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("hidden_size", hiddenSize);
        o.addProperty("num_hidden_layers", numLayers);
        o.addProperty("num_attention_heads", numHeads);
        o.addProperty("intermediate_size", intermediateSize);
        o.addProperty("max_position_embeddings", maxPositions);
        o.addProperty("type_vocab_size", typeVocabSize);
        o.addProperty("layer_norm_eps", layerNormEps);
        o.addProperty("hidden_act", "gelu");
        o.addProperty("hidden_dropout_prob", hiddenDropout);
        o.addProperty("attention_probs_dropout_prob", attentionDropout);
        o.addProperty("position_embedding_type", "absolute");
        o.addProperty("pad_token_id", 0);
        return o;
    }

    private static FloatTensor required(Map<String, FloatTensor> weights, String name) {
        FloatTensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("Not a BERT checkpoint: weight \"" + name + "\" is missing");
        }
        return t;
    }

    private static int intKey(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("config.json has no \"" + key + "\": is it a BERT config?");
        }
        return o.get(key).getAsInt();
    }

    private static void checkRate(String name, double rate) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + rate);
        }
    }
}
