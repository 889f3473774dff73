package dev.jft.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A closed-loop load test: {@code clients} threads, each sending {@code requests} {@code POST
 * /predict} requests one after another with Java's {@link HttpClient}, timing every one.
 *
 * <pre>{@code
 * LoadTest.Result r = LoadTest.run(server.uri(), 8, 125, i -> "{\"texts\": [\"review " + i + "\"]}");
 * r.errors();             // 0
 * r.percentile(0.95);     // ms
 * r.requestsPerSecond();
 * }</pre>
 */
public final class LoadTest {

    private LoadTest() {}

    /**
     * The outcome.
     *
     * @param latenciesMs every request's time from send to full answer, in sending order per client
     * @param statuses how many answers had each HTTP status (-1: no answer, an I/O error)
     * @param seconds wall time of the whole test
     */
    public record Result(double[] latenciesMs, Map<Integer, Integer> statuses, double seconds) {

        /** Requests sent. */
        public int requests() {
            return latenciesMs.length;
        }

        /** Requests not answered 200. */
        public int errors() {
            return requests() - statuses.getOrDefault(200, 0);
        }

        /** Answered requests per second of wall time. */
        public double requestsPerSecond() {
            return requests() / seconds;
        }

        /** The latency below which a share {@code p} (0..1) of the requests finished, in ms (nearest rank). */
        public double percentile(double p) {
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }
    }

    /**
     * Runs the test against {@code server} ({@code http://host:port/}).
     *
     * @param body request number (0 .. clients x requests - 1) to request body
     */
    public static Result run(URI server, int clients, int requests, IntFunction<String> body) {
        URI predict = server.resolve("/predict");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        double[] latencies = new double[clients * requests];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int r = 0; r < requests; r++) {
                        int n = client * requests + r;
                        HttpRequest request = HttpRequest.newBuilder(predict).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.apply(n), StandardCharsets.UTF_8))
                                .build();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[n] = (System.nanoTime() - sent) / 1e6;
                        statuses.merge(status, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Load test interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A load-test client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(latencies, new TreeMap<>(statuses), (System.nanoTime() - start) / 1e9);
    }
}
