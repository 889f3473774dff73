package dev.jft.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.jft.model.Prediction;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the endpoints answer with.
 *
 * <pre>{@code
 * JsonAnswers.predictions(info, answers);
 * // {"model":"minilm-sentiment","version":"3f9a0c12b7de","predictions":[
 * //   {"label":"positive","probabilities":{"negative":0.02,"positive":0.98},"truncated":false}]}
 * }</pre>
 */
final class JsonAnswers {

    private JsonAnswers() {}

    static JsonObject predictions(ModelInfo info, List<ServedPrediction> answers) {
        JsonObject body = new JsonObject();
        body.addProperty("model", info.name());
        body.addProperty("version", info.version());
        JsonArray predictions = new JsonArray();
        for (ServedPrediction answer : answers) {
            Prediction p = answer.prediction();
            JsonObject one = new JsonObject();
            one.addProperty("label", p.label());
            JsonObject probabilities = new JsonObject();
            p.asMap().forEach(probabilities::addProperty);
            one.add("probabilities", probabilities);
            one.addProperty("truncated", answer.truncated());
            predictions.add(one);
        }
        body.add("predictions", predictions);
        return body;
    }

    static JsonObject info(ModelInfo info, RequestLimits limits, BatchingPolicy batching) {
        JsonObject body = new JsonObject();
        body.addProperty("model", info.name());
        JsonArray labels = new JsonArray();
        info.labels().forEach(labels::add);
        body.add("labels", labels);
        body.addProperty("maxLength", info.maxLength());
        body.addProperty("version", info.version());
        body.addProperty("textsTooLong", "truncated to maxLength tokens, reported per prediction as \"truncated\";"
                + " texts over maxTextChars characters are refused");
        JsonObject limit = new JsonObject();
        limit.addProperty("maxBodyBytes", limits.maxBodyBytes());
        limit.addProperty("maxTexts", limits.maxTexts());
        limit.addProperty("maxTextChars", limits.maxTextChars());
        body.add("limits", limit);
        JsonObject batch = new JsonObject();
        batch.addProperty("maxBatchTexts", batching.maxBatchTexts());
        batch.addProperty("maxWaitMillis", batching.maxWait().toMillis());
        batch.addProperty("queueCapacity", batching.queueCapacity());
        body.add("batching", batch);
        return body;
    }

    static JsonObject health(boolean up, int queued) {
        JsonObject body = new JsonObject();
        body.addProperty("status", up ? "ok" : "shutting down");
        body.addProperty("queued", queued);
        return body;
    }

    static JsonObject metrics(BatchStats stats) {
        return toJson(stats.asMap());
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Map<String, Object> map) {
        JsonObject out = new JsonObject();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                out.add(key, toJson((Map<String, Object>) nested));
            } else {
                out.add(key, new JsonPrimitive((Number) value));
            }
        });
        return out;
    }
}
