package dev.jft.course;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * JSON through the part of gson's API that every gson since 2.8 has. Genuine IJava 1.3.0 bundles
 * gson 2.8.5 and its class loader prefers that copy to the course's, so inside a notebook run by
 * IJava the library meets 2.8.5: {@code JsonParser.parseString} (new in 2.8.6) is missing there,
 * and records (read by gson itself only since 2.10) cannot be read back.
 *
 * <pre>{@code
 * JsonObject config = Json.parse(Files.readString(file)).getAsJsonObject();
 * Gson gson = Json.builder().setPrettyPrinting().create();   // reads and writes records too
 * Entry entry = gson.fromJson(line, Entry.class);
 * }</pre>
 */
public final class Json {

    private Json() {}

    /** The JSON tree of {@code json}; throws gson's {@link JsonParseException} when it is not JSON. */
    @SuppressWarnings("deprecation") // the instance method is the one both old and new gson have
    public static JsonElement parse(String json) {
        return new JsonParser().parse(json);
    }

    /**
     * A {@link GsonBuilder} whose Gson writes a record as an object of its components and reads it
     * back through its canonical constructor, the same on every gson version.
     */
    public static GsonBuilder builder() {
        return new GsonBuilder().registerTypeAdapterFactory(new RecordAdapterFactory());
    }
}
