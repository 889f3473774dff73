package dev.jft.serve;

import java.util.List;

/**
 * The outcome of checking a request: the parsed texts, or the HTTP status and message to answer with.
 *
 * <pre>{@code
 * Validation v = PredictRequests.validate("{\"texts\": [\"great film\"]}", RequestLimits.DEFAULT);
 * v.ok();       // true
 * v.texts();    // [great film]
 * Validation bad = PredictRequests.validate("{\"texts\": 5}", RequestLimits.DEFAULT);
 * bad.status(); // 400
 * bad.message(); // "texts must be an array of strings, got the number 5 ..."
 * }</pre>
 *
 * @param texts the texts to classify (empty when the request is refused)
 * @param status 200 when the request is valid, else the 4xx status to answer with
 * @param message null when valid, else what was wrong and what to do
 */
public record Validation(List<String> texts, int status, String message) {

    public Validation {
        texts = List.copyOf(texts);
        if (status == 200 ? message != null || texts.isEmpty() : status < 400 || status > 499 || message == null) {
            throw new IllegalArgumentException("A Validation is either 200 with texts or a 4xx status with a message,"
                    + " got status " + status + ", message " + message + ", " + texts.size() + " texts");
        }
    }

    /** A valid request. */
    public static Validation accept(List<String> texts) {
        return new Validation(texts, 200, null);
    }

    /** A refused request: {@code status} is 4xx, {@code message} says what was wrong and what to do. */
    public static Validation refuse(int status, String message) {
        return new Validation(List.of(), status, message);
    }

    /** True when the request is valid. */
    public boolean ok() {
        return status == 200;
    }
}
