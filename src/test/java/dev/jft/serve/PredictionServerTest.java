package dev.jft.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.jft.course.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side with a stand-in model: every status, the queue bound, batching and shutdown. */
class PredictionServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FakeClassifier model = new FakeClassifier();
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private PredictionServer server;

    @AfterEach
    void stop() {
        model.release();
        if (server != null) {
            server.close();
            assertPortFree(server.port());
        }
    }

    private PredictionServer start(PredictionServer.Builder builder) {
        server = builder.log(log::add).start();
        return server;
    }

    static HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.parse(response.body()).getAsJsonObject();
    }

    static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(socket.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still taken after close(): " + e);
        }
    }

    @Test
    void predictsInfoHealthAndMetrics() throws Exception {
        start(PredictionServer.builder(model));
        assertEquals("127.0.0.1", server.uri().getHost());
        HttpResponse<String> r = send(server.uri(), "POST", "/predict",
                "{\"texts\": [\"a good film\", \"dull, and much too long to read\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = json(r);
        assertEquals("fake", body.get("model").getAsString());
        var predictions = body.getAsJsonArray("predictions");
        assertEquals(2, predictions.size());
        JsonObject first = predictions.get(0).getAsJsonObject();
        assertEquals("positive", first.get("label").getAsString());
        assertEquals(0.9, first.getAsJsonObject("probabilities").get("positive").getAsDouble(), 1e-6);
        assertEquals(false, first.get("truncated").getAsBoolean());
        assertEquals(true, predictions.get(1).getAsJsonObject().get("truncated").getAsBoolean());

        JsonObject info = json(send(server.uri(), "GET", "/info", null));
        assertEquals(16, info.get("maxLength").getAsInt());
        assertEquals("0123456789ab", info.get("version").getAsString());
        assertEquals("[\"negative\",\"positive\"]", info.get("labels").toString());
        assertEquals("ok", json(send(server.uri(), "GET", "/health", null)).get("status").getAsString());
        JsonObject metrics = json(send(server.uri(), "GET", "/metrics", null));
        assertEquals(1, metrics.get("batches").getAsInt());
        assertEquals(2, metrics.get("texts").getAsInt());
        assertTrue(log.stream().anyMatch(e -> e.path().equals("/predict") && e.status() == 200 && e.texts() == 2
                && e.confidences().size() == 2));
    }

    @Test
    void badRequestsGetA4xxWithAMessage() throws Exception {
        start(PredictionServer.builder(model).limits(new RequestLimits(1_000, 4, 50)));
        record Case(String method, String path, String body, int status, String phrase) {}
        List<Case> cases = List.of(
                new Case("POST", "/predict", "not json", 400, "not valid JSON"),
                new Case("POST", "/predict", "{\"texts\": 5}", 400, "array of strings"),
                new Case("POST", "/predict", "{\"texts\": []}", 400, "texts is empty"),
                new Case("POST", "/predict", "{\"texts\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}", 400, "at most 4"),
                new Case("POST", "/predict", "{\"texts\": [\"" + "x".repeat(60) + "\"]}", 400, "the limit is 50"),
                new Case("POST", "/predict", "{\"texts\": [\"" + "x".repeat(2_000) + "\"]}", 413, "the limit is 1,000"),
                new Case("POST", "/predict", "", 400, "body is empty"),
                new Case("GET", "/predict", null, 405, "use POST"),
                new Case("PUT", "/info", "{}", 405, "use GET"),
                new Case("GET", "/", null, 404, "the endpoints are"),
                new Case("GET", "/predictions", null, 404, "No endpoint /predictions"));
        for (Case c : cases) {
            HttpResponse<String> r = send(server.uri(), c.method(), c.path(), c.body());
            assertEquals(c.status(), r.statusCode(), c + " -> " + r.body());
            JsonObject body = json(r);
            assertTrue(body.get("error").getAsString().contains(c.phrase()), c + " -> " + r.body());
            assertEquals(c.status(), body.get("status").getAsInt());
        }
        assertEquals("POST", send(server.uri(), "GET", "/predict", null).headers().firstValue("Allow").orElse(""));
        assertEquals(0, model.batchSizes.size(), "no bad request reached the model");
        assertEquals(200, send(server.uri(), "POST", "/predict", "{\"texts\": [\"still fine\"]}").statusCode());
    }

    @Test
    void concurrentRequestsAreBatchedAndAFullQueueAnswers503() throws Exception {
        start(PredictionServer.builder(model).batching(new BatchingPolicy(4, Duration.ofMillis(50), 6)).threads(16));
        model.hold();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        answers.add(async(0));
        assertTrue(model.entered.await(10, TimeUnit.SECONDS)); // the first batch is running, held
        for (int i = 1; i < 12; i++) {
            answers.add(async(i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().rejected() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        model.release();
        int ok = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get(20, TimeUnit.SECONDS);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                assertTrue(r.body().contains("busy"), r.body());
                busy++;
            }
        }
        assertEquals(7, ok, "the running request and a full queue of 6 are answered");
        assertEquals(5, busy);
        BatchStats stats = server.stats();
        assertEquals(5, stats.rejected());
        assertTrue(stats.largestBatch() == 4, "queued requests were gathered, batches " + model.batchSizes);
        assertEquals(List.of(1, 4, 2), model.batchSizes);
        assertEquals(7, stats.texts());
    }

    private CompletableFuture<HttpResponse<String>> async(int i) {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/predict")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"texts\": [\"text " + i + "\"]}")).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shutdownFinishesRequestsInFlightThenRefuses() throws Exception {
        start(PredictionServer.builder(model));
        URI uri = server.uri();
        model.hold();
        CompletableFuture<HttpResponse<String>> inFlight = async(0);
        assertTrue(model.entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> during = null;
        while (System.nanoTime() < deadline) {    // while closing: new requests get 503
            during = send(uri, "GET", "/health", null);
            if (during.statusCode() == 503) {
                break;
            }
            Thread.sleep(5);
        }
        assertEquals(503, during.statusCode(), during.body());
        assertTrue(during.body().contains("shutting down"), during.body());
        assertTrue(!closing.isDone(), "close() waits for the request in flight");
        model.release();
        HttpResponse<String> finished = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), "the request in flight finished: " + finished.body());
        closing.get(20, TimeUnit.SECONDS);
        assertThrows(IOException.class, () -> send(uri, "GET", "/health", null), "refused after close");
        server.close(); // twice is fine
    }

    @Test
    void busyPortIsNamed() {
        start(PredictionServer.builder(model));
        var e = assertThrows(java.io.UncheckedIOException.class,
                () -> PredictionServer.builder(new FakeClassifier()).port(server.port()).start());
        assertTrue(e.getMessage().contains("choose another port"), e.getMessage());
    }
}
