package dev.jft.train.bench;

/**
 * Sizes of a {@link FineTuneBenchmark} run, from command-line arguments.
 *
 * <pre>{@code
 * BenchmarkOptions.parse("--quick");                      // about 10 s on a quiet 2-core machine
 * BenchmarkOptions.parse("--train", "160", "--rounds", "10");
 * }</pre>
 *
 * @param model catalog model name
 * @param trainExamples training examples timed per padding mode
 * @param inferenceRounds timed inference batches per engine
 * @param matmulRounds timed 1024 x 1024 matrix products
 * @param warmup untimed warm-up repetitions before each measurement
 */
public record BenchmarkOptions(String model, int trainExamples, int inferenceRounds, int matmulRounds, int warmup) {

    /** Batch size of every measurement. */
    public static final int BATCH = 16;
    /** Longest input in tokens (and the FIXED padding length). */
    public static final int MAX_TOKENS = 64;

    static final String USAGE = "Options: [--quick] [--model NAME] [--train EXAMPLES] [--rounds BATCHES]"
            + " [--matmul PRODUCTS] [--warmup REPEATS]";

    public BenchmarkOptions {
        if (trainExamples < BATCH || inferenceRounds < 1 || matmulRounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("Need --train >= " + BATCH + ", --rounds >= 1, --matmul >= 1 and"
                    + " --warmup >= 0; got " + trainExamples + ", " + inferenceRounds + ", " + matmulRounds + ", "
                    + warmup + ". " + USAGE);
        }
    }

    /** Defaults (about 30 s on a quiet 2-core machine, minutes on busy cores), {@code --quick}, then explicit sizes. */
    public static BenchmarkOptions parse(String... args) {
        BenchmarkOptions options = new BenchmarkOptions("all-MiniLM-L6-v2", 320, 30, 40, 3);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                options = new BenchmarkOptions(options.model, 64, 8, 10, 1);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + arg + ". " + USAGE);
            }
            String value = args[++i];
            options = switch (arg) {
                case "--model" -> new BenchmarkOptions(value, options.trainExamples, options.inferenceRounds,
                        options.matmulRounds, options.warmup);
                case "--train" -> new BenchmarkOptions(options.model, number(arg, value), options.inferenceRounds,
                        options.matmulRounds, options.warmup);
                case "--rounds" -> new BenchmarkOptions(options.model, options.trainExamples, number(arg, value),
                        options.matmulRounds, options.warmup);
                case "--matmul" -> new BenchmarkOptions(options.model, options.trainExamples, options.inferenceRounds,
                        number(arg, value), options.warmup);
                case "--warmup" -> new BenchmarkOptions(options.model, options.trainExamples, options.inferenceRounds,
                        options.matmulRounds, number(arg, value));
                default -> throw new IllegalArgumentException("Unknown option " + arg + ". " + USAGE);
            };
        }
        return options;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'. " + USAGE, e);
        }
    }
}
