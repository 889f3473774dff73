package dev.jft.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.jft.course.Json;
import java.nio.file.Path;

/** Which architecture a Hugging Face {@code config.json} describes, and what the course can load. */
final class ModelTypes {

    static final String BERT = "bert";
    static final String GPT2 = "gpt2";

    /** What the loaders can build, for error messages. */
    static final String SUPPORTED = "supported are BERT encoders (model_type \"bert\": BertModel,"
            + " BertForSequenceClassification, BertForTokenClassification, e.g. all-MiniLM-L6-v2; load with"
            + " HfCheckpoints.load) and GPT-2 decoders (model_type \"gpt2\": GPT2Model, GPT2LMHeadModel, e.g. gpt2,"
            + " distilgpt2; load with Gpt2Checkpoints.load)";

    private ModelTypes() {}

    /** {@code model_type}, or a guess from the keys when it is missing (old configs). */
    static String of(JsonObject config) {
        if (config.has("model_type")) {
            return config.get("model_type").getAsString();
        }
        if (config.has("n_embd") && config.has("n_layer")) {
            return GPT2;
        }
        if (config.has("d_model")) {
            return "t5-like (d_model)";
        }
        return BERT;
    }

    /** The config as a JSON object; malformed JSON fails naming the file and what is wrong. */
    static JsonObject parseConfig(Path file, String json) {
        JsonElement parsed;
        try {
            parsed = Json.parse(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON (" + e.getMessage()
                    + "): fix the file, or re-save or re-download the model", e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException(file + " must hold a JSON object {...}, it holds " + parsed);
        }
        return parsed.getAsJsonObject();
    }
}
