package dev.jft.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoints, on one JDK {@code HttpServer} context: routes by exact path and method, reads the
 * body within its limit, validates it ({@link PredictRequests}), hands it to the batcher and writes
 * JSON. Every answer, refusals included, is JSON; every refusal names what was wrong.
 *
 * <pre>{@code
 * POST /predict  {"texts": [...]}  -> 200 {"predictions": [...]}, 400, 413, 503 (busy, Retry-After)
 * GET  /health                     -> 200 {"status": "ok"}, 503 while shutting down
 * GET  /info                       -> 200 {"model", "labels", "maxLength", "version", ...}
 * GET  /metrics                    -> 200 {"requests", "batches", "batchSizes", ...}
 * }</pre>
 */
final class ApiHandler implements HttpHandler {

    /** Bodies declared larger than this are refused without being read (and the connection closed). */
    static final long DRAIN_LIMIT = 64L << 20;

    static final String ENDPOINTS = "POST /predict, GET /health, GET /info, GET /metrics";

    private final DynamicBatcher batcher;
    private final ModelInfo info;
    private final RequestLimits limits;
    private final BatchingPolicy batching;
    private final long timeoutMillis;
    private final RequestLog log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    ApiHandler(DynamicBatcher batcher, ModelInfo info, RequestLimits limits, BatchingPolicy batching,
            long timeoutMillis, RequestLog log) {
        this.batcher = batcher;
        this.info = info;
        this.limits = limits;
        this.batching = batching;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
    }

    /** From now on every request is answered 503 (in-flight ones finish). */
    void beginClosing() {
        closing = true;
    }

    /** Requests being handled now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        try {
            Response response;
            try {
                response = answer(exchange);
            } catch (RuntimeException e) {
                response = Response.error(500, "Internal error: " + e);
            }
            try { // logged before it is sent: a client that has its answer finds it in the log
                log.log(new LoggedRequest(Instant.now(), exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), response.status(), response.texts(),
                        (System.nanoTime() - start) / 1e6, response.confidences(), response.error()));
            } catch (RuntimeException ignored) {
                // a broken log must not break the service
            }
            send(exchange, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Response answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (closing) {
            return Response.error(503, "The server is shutting down: send the request to another replica or"
                    + " try again when it is back").header("Retry-After", "5").header("Connection", "close");
        }
        String allowed = switch (path) {
            case "/predict" -> "POST";
            case "/health", "/info", "/metrics" -> "GET";
            default -> null;
        };
        if (allowed == null) {
            return Response.error(404, "No endpoint " + path + ": the endpoints are " + ENDPOINTS);
        }
        if (!method.equals(allowed)) {
            return Response.error(405, method + " is not allowed on " + path + ": use " + allowed)
                    .header("Allow", allowed);
        }
        return switch (path) {
            case "/predict" -> predict(exchange);
            case "/health" -> Response.json(200, JsonAnswers.health(true, batcher.queued()));
            case "/info" -> Response.json(200, JsonAnswers.info(info, limits, batching));
            default -> Response.json(200, JsonAnswers.metrics(batcher.stats()));
        };
    }

    private Response predict(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > DRAIN_LIMIT) {
            return tooLarge(Long.parseLong(declared)).header("Connection", "close");
        }
        byte[] bytes;
        long more = 0;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(limits.maxBodyBytes() + 1);
            if (bytes.length > limits.maxBodyBytes()) { // read the rest, so that the client gets to read the answer
                more = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        if (bytes.length > limits.maxBodyBytes()) {
            return tooLarge(bytes.length + more).header("Connection", "close");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Response.error(400, "The body is not UTF-8 text: send JSON encoded as UTF-8");
        }
        Validation validation = PredictRequests.validate(body, limits);
        if (!validation.ok()) {
            return Response.error(validation.status(), validation.message());
        }
        List<ServedPrediction> answers;
        try {
            answers = batcher.submit(validation.texts()).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedRequestException e) {
            return Response.error(503, e.getMessage()).header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        } catch (TimeoutException e) {
            return Response.error(503, "The prediction took longer than " + timeoutMillis + " ms: try again later")
                    .header("Retry-After", "1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "The server is shutting down").header("Retry-After", "5");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RejectedRequestException rejected) {
                return Response.error(503, rejected.getMessage()).header("Retry-After", "5");
            }
            return Response.error(500, "The model failed on this request: " + cause);
        }
        List<Float> confidences = new ArrayList<>(answers.size());
        answers.forEach(a -> confidences.add(a.prediction().probabilities()[a.prediction().classIndex()]));
        return Response.json(200, JsonAnswers.predictions(info, answers)).predicted(answers.size(), confidences);
    }

    private Response tooLarge(long bytes) {
        return Response.error(413, String.format(Locale.ROOT, "The body has %,d bytes; the limit is %,d: send fewer"
                + " or shorter texts per request", bytes, limits.maxBodyBytes()));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        try {
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }
}
