package dev.jft.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A prediction service over HTTP, on the JDK's own {@link HttpServer}: {@code POST /predict},
 * {@code GET /health}, {@code GET /info}, {@code GET /metrics} (see {@link ApiHandler}), with
 * dynamic batching ({@link DynamicBatcher}) and request limits ({@link RequestLimits}). Binds
 * 127.0.0.1 unless another host is given. {@link #close()} shuts down gracefully: new requests
 * get 503, requests in flight finish, then the port is released. It does not close the model.
 *
 * <pre>{@code
 * try (ServedModel model = ServedModel.load(folder);
 *      PredictionServer server = PredictionServer.builder(model).port(8080).start()) {
 *     System.out.println("listening on " + server.uri());   // http://127.0.0.1:8080/
 *     ...
 * }
 * }</pre>
 */
public final class PredictionServer implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService threads;
    private final DynamicBatcher batcher;
    private final ApiHandler handler;
    private final Duration grace;
    private boolean closed;

    private PredictionServer(Builder b) throws IOException {
        this.batcher = new DynamicBatcher(b.model, b.batching);
        this.handler = new ApiHandler(batcher, b.model.info(), b.limits, b.batching, b.timeout.toMillis(), b.log);
        this.grace = b.grace;
        AtomicInteger count = new AtomicInteger();
        int threadCount = b.threads > 0 ? b.threads : b.batching.queueCapacity() + 16;
        this.threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread t = new Thread(task, "jft-serve-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.http = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
        } catch (IOException e) {
            batcher.close();
            threads.shutdownNow();
            throw e;
        }
        http.createContext("/", handler);
        http.setExecutor(threads);
        http.start();
    }

    /** A server for {@code model} with the default settings (127.0.0.1, a free port). */
    public static Builder builder(BatchClassifier model) {
        return new Builder(model);
    }

    /** The port it listens on (the one chosen when port 0 was asked for). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port/}. */
    public URI uri() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** The batcher's counts: requests, batches, texts, batch sizes. */
    public BatchStats stats() {
        return batcher.stats();
    }

    /**
     * Graceful shutdown: answers new requests 503, waits for requests in flight (up to the grace
     * period), finishes the batcher's queue, then stops listening. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        handler.beginClosing();
        long deadline = System.nanoTime() + grace.toNanos();
        while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        batcher.close();
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    /** Options of a {@link PredictionServer}. */
    public static final class Builder {
        private final BatchClassifier model;
        private String host = "127.0.0.1";
        private int port;
        private RequestLimits limits = RequestLimits.DEFAULT;
        private BatchingPolicy batching = BatchingPolicy.DEFAULT;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration grace = Duration.ofSeconds(30);
        private RequestLog log = RequestLog.none();
        private int threads;

        private Builder(BatchClassifier model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The address to bind (default 127.0.0.1: this machine only; "0.0.0.0" for every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: a free one, see {@link PredictionServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder limits(RequestLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder batching(BatchingPolicy batching) {
            this.batching = Objects.requireNonNull(batching, "batching");
            return this;
        }

        /** Longest a request waits for its prediction before 503 (default 30 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Longest {@link PredictionServer#close()} waits for requests in flight (default 30 s). */
        public Builder grace(Duration grace) {
            this.grace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** The request log (default: none; {@link RequestLog#toStandardError()} prints one line per request). */
        public Builder log(RequestLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Request-handling threads (default: queue capacity + 16, so that a full queue is answered 503). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Binds and starts serving. */
        public PredictionServer start() {
            try {
                return new PredictionServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not listen on " + host + ":" + port + " (" + e.getMessage()
                        + "): choose another port, or stop what uses this one", e);
            }
        }
    }
}
