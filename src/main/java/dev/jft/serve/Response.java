package dev.jft.serve;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer about to be sent: status, JSON body, extra headers, and what the log should say.
 *
 * <pre>{@code
 * Response.json(200, body);
 * Response.error(404, "No endpoint /x").header("Allow", "GET");
 * }</pre>
 */
record Response(int status, String body, Map<String, String> headers, int texts, List<Float> confidences,
        String error) {

    static Response json(int status, JsonObject body) {
        return new Response(status, body.toString(), new LinkedHashMap<>(), 0, List.of(), null);
    }

    /** {@code {"error": message, "status": status}}. */
    static Response error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        body.addProperty("status", status);
        return new Response(status, body.toString(), new LinkedHashMap<>(), 0, List.of(), message);
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Response predicted(int texts, List<Float> confidences) {
        return new Response(status, body, headers, texts, confidences, error);
    }
}
