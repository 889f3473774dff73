package dev.jft.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.course.Json;
import java.util.List;

/**
 * The shape and settings of a GPT-2 decoder, with Hugging Face's {@code config.json} keys
 * ({@code n_embd}, {@code n_layer}, {@code n_head}, {@code n_positions}, ...).
 *
 * <pre>{@code
 * Gpt2Config small = Gpt2Config.of(50257, 128, 256, 4, 4);  // vocab, positions, width, layers, heads
 * Gpt2Config gpt2 = Gpt2Config.fromJson(Files.readString(dir.resolve("config.json")));
 * String json = small.toJson().toString();
 * }</pre>
 *
 * @param vocabSize number of token ids
 * @param maxPositions longest sequence (the position table's rows, {@code n_positions})
 * @param width hidden size ({@code n_embd})
 * @param numLayers transformer blocks ({@code n_layer})
 * @param numHeads attention heads ({@code n_head})
 * @param innerSize feed-forward width ({@code n_inner}; HF's null means 4 x width)
 * @param layerNormEps LayerNorm epsilon ({@code layer_norm_epsilon}, 1e-5 in GPT-2)
 * @param residualDropout dropout after attention and feed-forward ({@code resid_pdrop})
 * @param embeddingDropout dropout after the embeddings ({@code embd_pdrop})
 * @param attentionDropout dropout on attention probabilities ({@code attn_pdrop})
 */
public record Gpt2Config(
        int vocabSize,
        int maxPositions,
        int width,
        int numLayers,
        int numHeads,
        int innerSize,
        double layerNormEps,
        double residualDropout,
        double embeddingDropout,
        double attentionDropout) {

    /** The GELU variants that are GPT-2's tanh approximation (HF {@code activation_function}). */
    public static final List<String> TANH_GELU = List.of("gelu_new", "gelu_pytorch_tanh", "gelu_fast");

    /** GPT-2's end-of-text token id, its bos and eos. */
    public static final int GPT2_END_OF_TEXT = 50256;

    public Gpt2Config {
        if (vocabSize < 1 || maxPositions < 1 || width < 1 || numLayers < 1 || innerSize < 1) {
            throw new IllegalArgumentException("GPT-2 sizes must be positive: vocab " + vocabSize + ", positions "
                    + maxPositions + ", width " + width + ", layers " + numLayers + ", inner " + innerSize);
        }
        if (numHeads <= 0 || width % numHeads != 0) {
            throw new IllegalArgumentException("width (n_embd) " + width + " must split evenly into " + numHeads
                    + " attention heads (n_head)");
        }
        for (double rate : new double[] {residualDropout, embeddingDropout, attentionDropout}) {
            if (rate < 0 || rate >= 1) {
                throw new IllegalArgumentException("Dropout rates must be in [0, 1), got " + rate);
            }
        }
    }

    /** GPT-2's defaults (inner 4 x width, eps 1e-5, dropout 0.1) for the given sizes. */
    public static Gpt2Config of(int vocabSize, int maxPositions, int width, int numLayers, int numHeads) {
        return new Gpt2Config(vocabSize, maxPositions, width, numLayers, numHeads, 4 * width, 1e-5, 0.1, 0.1, 0.1);
    }

    /** Size of one attention head. */
    public int headSize() {
        return width / numHeads;
    }

    /** The same model with every dropout rate set to {@code rate} (0 turns dropout off). */
    public Gpt2Config withDropout(double rate) {
        return new Gpt2Config(vocabSize, maxPositions, width, numLayers, numHeads, innerSize, layerNormEps, rate,
                rate, rate);
    }

    /** Number of parameters (the LM head is tied to the token embeddings and not counted twice). */
    public long parameterCount() {
        long perLayer = 2L * 2 * width                       // ln_1, ln_2
                + (long) width * 3 * width + 3L * width       // c_attn
                + (long) width * width + width                // attn c_proj
                + (long) width * innerSize + innerSize        // c_fc
                + (long) innerSize * width + width;           // mlp c_proj
        return (long) vocabSize * width + (long) maxPositions * width + numLayers * perLayer + 2L * width;
    }

    /** Parses a Hugging Face GPT-2 {@code config.json}. */
    public static Gpt2Config fromJson(String json) {
        JsonObject o = Json.parse(json).getAsJsonObject();
        String activation = o.has("activation_function") ? o.get("activation_function").getAsString() : "gelu_new";
        if (!TANH_GELU.contains(activation)) {
            throw new IllegalArgumentException("Only GPT-2's tanh GELU is supported (activation_function one of "
                    + TANH_GELU + "), config has \"" + activation + "\"");
        }
        for (String flag : List.of("scale_attn_by_inverse_layer_idx", "reorder_and_upcast_attn")) {
            if (o.has(flag) && o.get(flag).getAsBoolean()) {
                throw new IllegalArgumentException("config.json sets " + flag + ", which this decoder does not"
                        + " implement (GPT-2 leaves it false)");
            }
        }
        if (o.has("scale_attn_weights") && !o.get("scale_attn_weights").getAsBoolean()) {
            throw new IllegalArgumentException("config.json sets scale_attn_weights false; GPT-2 scales by"
                    + " 1/sqrt(head size) and so does this decoder");
        }
        if (o.has("tie_word_embeddings") && !o.get("tie_word_embeddings").getAsBoolean()) {
            throw new IllegalArgumentException("config.json sets tie_word_embeddings false; this decoder's LM head"
                    + " is always the token embedding matrix (as in GPT-2)");
        }
        int width = intKey(o, "n_embd");
        JsonElement inner = o.get("n_inner");
        return new Gpt2Config(intKey(o, "vocab_size"), intKey(o, "n_positions"), width, intKey(o, "n_layer"),
                intKey(o, "n_head"), inner == null || inner.isJsonNull() ? 4 * width : inner.getAsInt(),
                number(o, "layer_norm_epsilon", 1e-5), number(o, "resid_pdrop", 0.1), number(o, "embd_pdrop", 0.1),
                number(o, "attn_pdrop", 0.1));
    }

    /** The Hugging Face {@code config.json} content (architecture {@code GPT2LMHeadModel}). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add("GPT2LMHeadModel");
        o.add("architectures", architectures);
        o.addProperty("model_type", "gpt2");
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("n_positions", maxPositions);
        o.addProperty("n_ctx", maxPositions);
        o.addProperty("n_embd", width);
        o.addProperty("n_layer", numLayers);
        o.addProperty("n_head", numHeads);
        if (innerSize == 4 * width) {
            o.add("n_inner", com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty("n_inner", innerSize);
        }
        o.addProperty("activation_function", "gelu_new");
        o.addProperty("layer_norm_epsilon", layerNormEps);
        o.addProperty("resid_pdrop", residualDropout);
        o.addProperty("embd_pdrop", embeddingDropout);
        o.addProperty("attn_pdrop", attentionDropout);
        o.addProperty("initializer_range", 0.02);
        o.addProperty("scale_attn_weights", true);
        o.addProperty("tie_word_embeddings", true);
        if (vocabSize > GPT2_END_OF_TEXT) {
            o.addProperty("bos_token_id", GPT2_END_OF_TEXT);
            o.addProperty("eos_token_id", GPT2_END_OF_TEXT);
        }
        return o;
    }

    private static int intKey(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("config.json has no \"" + key + "\": is it a GPT-2 config?");
        }
        return o.get(key).getAsInt();
    }

    private static double number(JsonObject o, String key, double fallback) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : fallback;
    }
}
