package dev.jft.serve;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One line of the server's request log: what came in, what went out, how long it took, and the
 * confidence (top probability) of each prediction, which is what a drift check watches.
 *
 * <pre>{@code
 * List<LoggedRequest> log = new CopyOnWriteArrayList<>();
 * PredictionServer server = PredictionServer.builder(model).log(log::add).start();
 * log.get(0).toString();  // "2026-12-03T07:01:02Z POST /predict 200 1 text(s) 12.3 ms"
 * }</pre>
 *
 * @param time when the answer was sent
 * @param method HTTP method
 * @param path request path
 * @param status HTTP status answered
 * @param texts texts classified (0 when refused)
 * @param millis time from receiving the request to sending the answer
 * @param confidences top probability of each prediction (empty when refused)
 * @param error the message of a refused or failed request, else null
 */
public record LoggedRequest(Instant time, String method, String path, int status, int texts, double millis,
        List<Float> confidences, String error) {

    public LoggedRequest {
        confidences = List.copyOf(confidences);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s %d %d text(s) %.1f ms%s", time, method, path, status, texts,
                millis, error == null ? "" : " " + error);
    }
}
