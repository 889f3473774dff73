package dev.jft.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./course serve MODEL_FOLDER [--port N] [--host H] [--max-length T] [--batch N] [--wait-ms MS]}:
 * serves a saved model in the foreground, logging one line per request, until Ctrl-C (or SIGTERM),
 * which shuts it down gracefully.
 *
 * <pre>{@code
 * ./course serve /tmp/jft-lesson06/minilm-sentiment --port 8080
 * curl -s -X POST http://127.0.0.1:8080/predict -d '{"texts": ["What a great film"]}'
 * }</pre>
 */
public final class ServeCommand {

    static final String USAGE = "usage: ./course serve MODEL_FOLDER [--port N (default 8080; 0: any free port)]"
            + " [--host H (default 127.0.0.1)] [--max-length TOKENS (default 128)] [--batch TEXTS (default 32)]"
            + " [--wait-ms MS (default 5)]";

    private ServeCommand() {}

    /** The parsed command line. */
    record Options(Path model, String host, int port, int maxLength, int batch, int waitMillis) {

        static Options parse(String... args) {
            Path model = null;
            String host = "127.0.0.1";
            int port = 8080;
            int maxLength = ServedModel.DEFAULT_MAX_LENGTH;
            int batch = BatchingPolicy.DEFAULT.maxBatchTexts();
            int wait = (int) BatchingPolicy.DEFAULT.maxWait().toMillis();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (model != null) {
                        throw new IllegalArgumentException("one model folder only, got " + model + " and " + arg);
                    }
                    model = Path.of(arg);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--host" -> host = value;
                    case "--port" -> port = number(arg, value);
                    case "--max-length" -> maxLength = number(arg, value);
                    case "--batch" -> batch = number(arg, value);
                    case "--wait-ms" -> wait = number(arg, value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (model == null) {
                throw new IllegalArgumentException("give the folder of a saved model");
            }
            return new Options(model, host, port, maxLength, batch, wait);
        }

        private static int number(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, got \"" + value + "\"");
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("serve: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        ServedModel model;
        PredictionServer server;
        try {
            model = ServedModel.load(options.model(), options.maxLength(), options.batch());
        } catch (RuntimeException e) {
            System.err.println("serve: could not load " + options.model() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            server = PredictionServer.builder(model).host(options.host()).port(options.port())
                    .batching(new BatchingPolicy(options.batch(), Duration.ofMillis(options.waitMillis()),
                            BatchingPolicy.DEFAULT.queueCapacity()))
                    .log(RequestLog.toStandardError()).start();
        } catch (RuntimeException e) {
            model.close();
            System.err.println("serve: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping: finishing requests in flight ...");
            server.close();
            model.close();
            System.err.println("Stopped; " + server.stats().requests() + " requests served in "
                    + server.stats().batches() + " batches");
            stopped.countDown();
        }, "jft-serve-shutdown"));
        ModelInfo info = model.info();
        System.err.println("Serving " + info.name() + " (labels " + info.labels() + ", max length " + info.maxLength()
                + " tokens, version " + info.version() + ") on " + server.uri());
        System.err.println("Endpoints: " + ApiHandler.ENDPOINTS + ". Ctrl-C stops it.");
        stopped.await();
    }
}
