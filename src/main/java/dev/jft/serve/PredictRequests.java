package dev.jft.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a {@code POST /predict} body, as a pure function: the body {@code {"texts": [...]}}
 * in, the texts or an error out. No I/O, no model: the server calls it before anything else, and
 * the lesson's exercise re-implements it.
 *
 * <p>The checks, in order: body size (413), empty body, JSON, a JSON object, no field but
 * {@code texts}, {@code texts} an array, not empty, not more than {@code maxTexts}, every element a
 * string, not blank, not longer than {@code maxTextChars} characters (all 400).
 *
 * <pre>{@code
 * PredictRequests.validate("{\"texts\": [\"fine\", \"awful\"]}", RequestLimits.DEFAULT).texts(); // [fine, awful]
 * PredictRequests.validate("{\"texts\": []}", RequestLimits.DEFAULT).message();
 * // "texts is empty: send at least one text, e.g. {"texts": ["a review"]}"
 * }</pre>
 */
public final class PredictRequests {

    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);
    static final String EXAMPLE = "{\"texts\": [\"a review\"]}";

    private PredictRequests() {}

    /** Checks {@code body} against the rules and {@code limits}. */
    public static Validation validate(String body, RequestLimits limits) {
        if (body == null || body.isBlank()) {
            return Validation.refuse(400, "The body is empty: send a JSON object such as " + EXAMPLE);
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBodyBytes()) {
            return Validation.refuse(413, String.format(Locale.ROOT,
                    "The body has %,d bytes; the limit is %,d: send fewer or shorter texts per request",
                    bytes, limits.maxBodyBytes()));
        }
        JsonElement json;
        try {
            json = parseStrictly(body);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Validation.refuse(400, "The body is not valid JSON (" + firstLine(e.getMessage())
                    + "): send a JSON object such as " + EXAMPLE);
        }
        if (!json.isJsonObject()) {
            return Validation.refuse(400, "The body must be a JSON object such as " + EXAMPLE + ", got " + describe(json));
        }
        JsonObject object = json.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!key.equals("texts")) {
                return Validation.refuse(400, "Unknown field \"" + key + "\": the body has one field, texts, e.g. "
                        + EXAMPLE);
            }
        }
        if (!object.has("texts")) {
            return Validation.refuse(400, "The body has no field texts: send " + EXAMPLE);
        }
        JsonElement texts = object.get("texts");
        if (!texts.isJsonArray()) {
            return Validation.refuse(400, "texts must be an array of strings, got " + describe(texts)
                    + ": send " + EXAMPLE);
        }
        JsonArray array = texts.getAsJsonArray();
        if (array.size() == 0) {
            return Validation.refuse(400, "texts is empty: send at least one text, e.g. " + EXAMPLE);
        }
        if (array.size() > limits.maxTexts()) {
            return Validation.refuse(400, String.format(Locale.ROOT,
                    "texts has %,d texts; at most %,d per request: split them into several requests",
                    array.size(), limits.maxTexts()));
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                return Validation.refuse(400, "texts[" + i + "] must be a string, got " + describe(element));
            }
            String text = element.getAsString();
            if (text.isBlank()) {
                return Validation.refuse(400, "texts[" + i + "] is empty: every text needs at least one"
                        + " non-space character");
            }
            int chars = text.codePointCount(0, text.length());
            if (chars > limits.maxTextChars()) {
                return Validation.refuse(400, String.format(Locale.ROOT,
                        "texts[%d] has %,d characters; the limit is %,d: shorten it (the model reads only its"
                                + " first tokens anyway)", i, chars, limits.maxTextChars()));
            }
            out.add(text);
        }
        return Validation.accept(out);
    }

    /**
     * Standard JSON only (gson's own parser is lenient: it takes single quotes and unquoted words),
     * and nothing after the value.
     */
    static JsonElement parseStrictly(String body) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(body));
        reader.setLenient(false);
        JsonElement json = ELEMENTS.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("unexpected text after the JSON value");
        }
        return json;
    }

    /** "the number 5", "an object {...}", "null": what the client sent, briefly. */
    static String describe(JsonElement json) {
        if (json.isJsonNull()) {
            return "null";
        }
        if (json.isJsonArray()) {
            return "an array";
        }
        if (json.isJsonObject()) {
            return "an object";
        }
        var primitive = json.getAsJsonPrimitive();
        String kind = primitive.isBoolean() ? "the boolean " : primitive.isNumber() ? "the number " : "the string ";
        String shown = primitive.isString() ? "\"" + primitive.getAsString() + "\"" : primitive.toString();
        return kind + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown);
    }

    /** Where the parser stopped ("at line 1 column 7"), without the parser's advice to its own users. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        java.util.regex.Matcher where = java.util.regex.Pattern.compile("line \\d+ column \\d+").matcher(message);
        return where.find() ? "stopped at " + where.group() : "unreadable";
    }
}
