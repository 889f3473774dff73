package dev.jft.quiz.solutions;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import dev.jft.course.Json;
import dev.jft.serve.RequestLimits;
import dev.jft.serve.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reference and known-wrong solutions for lesson 06-deployment. They live in the test tree so they
 * never reach a notebook or the course jar; the proof tests grade them.
 */
public final class DeploymentSolutions {

    private DeploymentSolutions() {}

    /** What a learner writes in the notebook, with the course's Json.parse (gson, lenient). */
    public static final BiFunction<String, RequestLimits, Validation> VALIDATE = (body, limits) ->
            validate(body, limits, false);

    /** A usual mistake: a single string is taken as a list of one text. */
    public static final BiFunction<String, RequestLimits, Validation> VALIDATE_ACCEPTING_ONE_STRING = (body, limits) ->
            validate(body, limits, true);

    private static Validation validate(String body, RequestLimits limits, boolean acceptOneString) {
        if (body == null || body.isBlank()) {
            return Validation.refuse(400, "The body is empty: send {\"texts\": [\"a review\"]}");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > limits.maxBodyBytes()) {
            return Validation.refuse(413, "The body is over " + limits.maxBodyBytes() + " bytes");
        }
        JsonElement json;
        try {
            json = Json.parse(body);
        } catch (JsonParseException e) {
            return Validation.refuse(400, "The body is not JSON: " + e.getMessage());
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("texts")) {
            return Validation.refuse(400, "The body must be an object {\"texts\": [...]}");
        }
        JsonElement texts = json.getAsJsonObject().get("texts");
        if (acceptOneString && texts.isJsonPrimitive() && texts.getAsJsonPrimitive().isString()) {
            return Validation.accept(List.of(texts.getAsString()));
        }
        if (!texts.isJsonArray()) {
            return Validation.refuse(400, "texts must be an array of strings");
        }
        if (texts.getAsJsonArray().size() == 0) {
            return Validation.refuse(400, "texts is empty");
        }
        if (texts.getAsJsonArray().size() > limits.maxTexts()) {
            return Validation.refuse(400, "at most " + limits.maxTexts() + " texts per request");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement element : texts.getAsJsonArray()) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                return Validation.refuse(400, "texts[" + out.size() + "] must be a string");
            }
            String text = element.getAsString();
            if (text.isBlank()) {
                return Validation.refuse(400, "texts[" + out.size() + "] is empty");
            }
            if (text.codePointCount(0, text.length()) > limits.maxTextChars()) {
                return Validation.refuse(400, "texts[" + out.size() + "] is over " + limits.maxTextChars()
                        + " characters");
            }
            out.add(text);
        }
        return Validation.accept(out);
    }
}
