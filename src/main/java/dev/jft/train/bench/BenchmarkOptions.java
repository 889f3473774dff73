package dev.jft.train.bench;

/**
 * Sizes of a {@link FineTuneBenchmark} run, from command-line arguments.
 *
 * <pre>{@code
 * BenchmarkOptions.parse("--quick");                      // about 10 s on a quiet 2-core machine
 * BenchmarkOptions.parse("--train", "160", "--rounds", "10", "--blocks", "12");
 * }</pre>
 *
 * @param model catalog model name
 * @param trainExamples training examples timed per padding mode
 * @param inferenceRounds timed inference batches per engine in each block
 * @param inferenceBlocks alternating inference blocks per engine; each figure is the median over
 *     blocks (10 by default so that one noisy block cannot decide it; {@code --quick} takes 4)
 * @param matmulRounds timed 1024 x 1024 matrix products
 * @param warmup untimed warm-up repetitions before each measurement
 */
public record BenchmarkOptions(String model, int trainExamples, int inferenceRounds, int inferenceBlocks,
        int matmulRounds, int warmup) {

    /** Batch size of every measurement. */
    public static final int BATCH = 16;
    /** Longest input in tokens (and the FIXED padding length). */
    public static final int MAX_TOKENS = 64;

    static final String USAGE = "Options: [--quick] [--model NAME] [--train EXAMPLES] [--rounds BATCHES_PER_BLOCK]"
            + " [--blocks INFERENCE_BLOCKS] [--matmul PRODUCTS] [--warmup REPEATS]";

    public BenchmarkOptions {
        if (trainExamples < BATCH || inferenceRounds < 1 || inferenceBlocks < 1 || matmulRounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("Need --train >= " + BATCH + ", --rounds >= 1, --blocks >= 1,"
                    + " --matmul >= 1 and --warmup >= 0; got " + trainExamples + ", " + inferenceRounds + ", "
                    + inferenceBlocks + ", " + matmulRounds + ", " + warmup + ". " + USAGE);
        }
    }

    /**
     * Defaults (about 40 s on a quiet 2-core machine, minutes on busy cores), {@code --quick} (fewer
     * and smaller measurements: 4 inference blocks of 2 batches instead of 10 of 3), then explicit sizes.
     */
    public static BenchmarkOptions parse(String... args) {
        BenchmarkOptions options = new BenchmarkOptions("all-MiniLM-L6-v2", 320, 3, 10, 40, 3);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                options = new BenchmarkOptions(options.model, 64, 2, 4, 10, 1);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + arg + ". " + USAGE);
            }
            String value = args[++i];
            BenchmarkOptions o = options;
            options = switch (arg) {
                case "--model" -> new BenchmarkOptions(value, o.trainExamples, o.inferenceRounds, o.inferenceBlocks,
                        o.matmulRounds, o.warmup);
                case "--train" -> new BenchmarkOptions(o.model, number(arg, value), o.inferenceRounds,
                        o.inferenceBlocks, o.matmulRounds, o.warmup);
                case "--rounds" -> new BenchmarkOptions(o.model, o.trainExamples, number(arg, value),
                        o.inferenceBlocks, o.matmulRounds, o.warmup);
                case "--blocks" -> new BenchmarkOptions(o.model, o.trainExamples, o.inferenceRounds,
                        number(arg, value), o.matmulRounds, o.warmup);
                case "--matmul" -> new BenchmarkOptions(o.model, o.trainExamples, o.inferenceRounds,
                        o.inferenceBlocks, number(arg, value), o.warmup);
                case "--warmup" -> new BenchmarkOptions(o.model, o.trainExamples, o.inferenceRounds,
                        o.inferenceBlocks, o.matmulRounds, number(arg, value));
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
