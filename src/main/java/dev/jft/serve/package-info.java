/**
 * Serving a fine-tuned classifier over HTTP, on the JDK's own {@code com.sun.net.httpserver}.
 *
 * <ul>
 *   <li>{@link dev.jft.serve.ServedModel}: a folder saved by {@code classifier.save(folder)}, loaded for serving.</li>
 *   <li>{@link dev.jft.serve.PredictionServer}: {@code POST /predict}, {@code GET /health}, {@code GET /info},
 *       {@code GET /metrics}; binds 127.0.0.1 by default; graceful {@code close()}.</li>
 *   <li>{@link dev.jft.serve.PredictRequests}: the request rules as a pure function
 *       ({@link dev.jft.serve.Validation}, {@link dev.jft.serve.RequestLimits}).</li>
 *   <li>{@link dev.jft.serve.DynamicBatcher}: concurrent requests gathered into one forward pass
 *       ({@link dev.jft.serve.BatchingPolicy}, {@link dev.jft.serve.BatchStats}); a bounded queue, 503 when full.</li>
 *   <li>{@link dev.jft.serve.RequestLog}, {@link dev.jft.serve.LoggedRequest}: one record per request.</li>
 *   <li>{@link dev.jft.serve.LoadTest}: concurrent clients with {@code java.net.http.HttpClient}.</li>
 *   <li>{@link dev.jft.serve.ServeCommand}: {@code ./course serve MODEL_FOLDER [--port N] [--host H]}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (ServedModel model = ServedModel.load(Path.of("/tmp/jft-lesson06/minilm-sentiment"));
 *      PredictionServer server = PredictionServer.builder(model).port(8080).start()) {
 *     LoadTest.Result r = LoadTest.run(server.uri(), 8, 125, i -> "{\"texts\": [\"great film\"]}");
 * }
 * }</pre>
 */
package dev.jft.serve;
