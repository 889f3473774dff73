package dev.jft.train.bench;

import ai.djl.ndarray.NDManager;
import dev.jft.course.MatrixLibrary;
import dev.jft.generate.GenerationSpeed;
import dev.jft.generate.PretrainPlan;
import dev.jft.model.Gpt2Config;
import dev.jft.model.ModelCatalog;
import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.StepTimes;
import java.util.List;
import java.util.Locale;

/**
 * Prints one table of fine-tuning and inference figures for a catalog encoder (default
 * all-MiniLM-L6-v2), batch 16, at most 64 tokens, on the sentiment sentences:
 * <ol>
 *   <li>training examples/s with FIXED padding to 64 against DYNAMIC padding with length bucketing,
 *       and against PyTorch eager in Python training the same model, shapes and step
 *       ({@link PyTorchReference}), with where our step's time goes ({@link dev.jft.train.StepTimes});
 *   <li>inference examples/s of our encoder against ONNX Runtime on its fp32 and int8 exports, on
 *       identical batches (padded to 64), as medians and ranges over alternating blocks
 *       ({@link InferenceComparison});
 *   <li>achieved GFLOP/s (FLOPs counted by {@link EncoderFlops}) of our forward pass and of our
 *       training step, against a measured fp32 matrix-product peak of DJL + PyTorch
 *       ({@link MatmulPeak}); ONNX Runtime's figure for the same FLOP count is shown beside it;
 *   <li>whether bfloat16 would pay here: one feed-forward linear layer in fp32 against bf16
 *       ({@link Bf16Probe});
 *   <li>greedy generation tokens/s of lesson 07's GPT-2 shape with and without the key/value cache
 *       ({@link GenerationSpeed});
 *   <li>peak resident memory of the process.
 * </ol>
 * Every figure comes after warm-up. Default run: about 30 s on a quiet 2-core machine ({@code --quick}:
 * about 10 s); figures from busy, shared cores are far lower and noisier.
 *
 * <pre>{@code
 * ./course benchmark --quick      # or, with the class path and LD_PRELOAD set up by hand:
 * java -Dai.djl.offline=true -cp target/classes:$(cat target/classpath.txt) \
 *     dev.jft.train.bench.FineTuneBenchmark --quick
 * }</pre>
 */
public final class FineTuneBenchmark {

    private static final int MATMUL_SIZE = 1024;
    private static final long SEED = 42;
    /** Greedy tokens generated after an 8-token prompt, within lesson 07's 128-token context. */
    private static final int GENERATED_TOKENS = 100;

    private FineTuneBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(run(options));
    }

    /** Runs every measurement and returns the table. */
    public static ResultTable run(BenchmarkOptions options) throws Exception {
        int validation = Math.max(BenchmarkOptions.BATCH, Math.min(options.inferenceRounds() * options.inferenceBlocks(), 10) * BenchmarkOptions.BATCH);
        SentimentSample sample = SentimentSample.stratified(options.trainExamples(), validation, SEED);
        ResultTable table = new ResultTable(String.format(Locale.ROOT,
                "%s, batch %d, max %d tokens, sentiment data, %d CPU threads%n%s", options.model(), BenchmarkOptions.BATCH,
                BenchmarkOptions.MAX_TOKENS, Runtime.getRuntime().availableProcessors(), MatrixLibrary.status()));
        int threads = Runtime.getRuntime().availableProcessors();
        try (NDManager manager = NDManager.newBaseManager();
                PyTorchReference pytorch = PyTorchReference.start(threads)) {
            SequenceClassifier classifier = SequenceClassifier.builder().encoder(options.model())
                    .labels(SentimentSample.LABELS).seed(SEED).build(manager);
            TrainThroughput.Speeds train = TrainThroughput.compare(classifier, sample.trainTexts(),
                    sample.trainLabels(), options, pytorch::secondsFor);
            table.add("train examples/s, FIXED padding to " + BenchmarkOptions.MAX_TOKENS, number(train.fixed()), "")
                    .add("train examples/s, DYNAMIC padding + length bucketing", number(train.dynamic()), "")
                    .add("train speed-up, dynamic / fixed", ratio(train.dynamic() / train.fixed()), ">= 1.5x")
                    .add("train examples/s, PyTorch " + pytorch.torchVersion() + " eager (Python), same shapes and step",
                            number(train.peer()), "")
                    .add("train speed, ours / PyTorch eager, fixed shapes", ratio(train.fixed() / train.peer()),
                            ">= 2.5x");
            StepTimes steps = train.fixedSteps();
            table.add(String.format(Locale.ROOT, "train step ms, fixed shapes (forward %.0f, backward %.0f, optimizer"
                    + " %.0f, data/other %.0f)", steps.millisPerStep(StepTimes.Phase.FORWARD),
                    steps.millisPerStep(StepTimes.Phase.BACKWARD), steps.millisPerStep(StepTimes.Phase.OPTIMIZER),
                    steps.otherMillisPerStep()), number(steps.totalMillisPerStep()), "");

            InferenceComparison.Result inference = InferenceComparison.run(classifier.encoder(),
                    ModelCatalog.onnxModel(options.model()), fixedBatches(classifier, sample), options, manager);
            InferenceComparison.addRows(table, inference);

            double flops = EncoderFlops.forward(classifier.encoder().config(), BenchmarkOptions.BATCH,
                    BenchmarkOptions.MAX_TOKENS);
            double forwardRate = flops / inference.oursSecondsPerBatch() / 1e9;
            // Backward costs two matrix products per forward one: a step is three forward passes of work.
            double trainRate = 3 * flops / (BenchmarkOptions.BATCH / train.fixed()) / 1e9;
            double peak = MatmulPeak.gflops(manager, MATMUL_SIZE, options.warmup(), options.matmulRounds());
            table.add(String.format(Locale.ROOT, "forward GFLOP/s, ours (%.1f GFLOP per batch)", flops / 1e9),
                            number(forwardRate), "")
                    .add("forward GFLOP/s, ONNX Runtime (same count)",
                            number(flops * inference.onnxPerSecond() / BenchmarkOptions.BATCH / 1e9), "")
                    .add("train GFLOP/s, ours, fixed shapes (3 x forward per step)", number(trainRate), "")
                    .add("train / forward GFLOP/s", percent(trainRate / forwardRate), ">= 80%")
                    .add("fp32 matmul peak GFLOP/s (" + MATMUL_SIZE + "x" + MATMUL_SIZE + ", DJL + PyTorch)",
                            number(peak), "")
                    .add("forward / matmul peak", percent(forwardRate / peak), ">= 50%");

            int tokens = BenchmarkOptions.BATCH * BenchmarkOptions.MAX_TOKENS;
            int width = classifier.encoder().config().hiddenSize();
            int inner = classifier.encoder().config().intermediateSize();
            Bf16Probe.Result bf16 = Bf16Probe.measure(manager, tokens, width, inner, options.warmup(),
                    options.matmulRounds());
            String linear = String.format(Locale.ROOT, "%dx%d . %dx%d", tokens, width, width, inner);
            table.add("fp32 linear GFLOP/s (" + linear + ", DJL)", number(bf16.fp32Gflops()), "")
                    .add("bf16 linear GFLOP/s (same, TorchScript module, fp32 in and out)",
                            number(bf16.bf16Gflops()), "")
                    .add(String.format(Locale.ROOT,
                            "bf16 / fp32 linear (max difference %.2f%%; CPU bf16 instructions: %s)",
                            100 * bf16.maxRelativeDifference(), Bf16Probe.cpuBf16Instructions()),
                            ratio(bf16.speedUp()), "");

            Gpt2Config gpt2 = PretrainPlan.full().config();
            GenerationSpeed.Result generation = GenerationSpeed.measure(gpt2, GENERATED_TOKENS, manager);
            String shape = String.format(Locale.ROOT, "GPT-2 %d x %d, %d tokens", gpt2.numLayers(), gpt2.width(),
                    GENERATED_TOKENS);
            table.add("generation tokens/s, key/value cache (" + shape + ")", number(generation.cachedPerSecond()), "")
                    .add("generation tokens/s, no cache (same tokens: " + generation.sameTokens() + ")",
                            number(generation.uncachedPerSecond()), "")
                    .add("generation speed-up, cache / none", ratio(generation.speedUp()), "> 1x");
        }
        table.add("peak RSS (VmHWM), MB", Long.toString(ProcessMemory.peakResidentMb()), "");
        return table;
    }

    /** The validation sentences in full batches padded to the maximum length. */
    private static List<TokenBatch> fixedBatches(SequenceClassifier classifier, SentimentSample sample) {
        int full = sample.validationTexts().size() / BenchmarkOptions.BATCH * BenchmarkOptions.BATCH;
        try (TextTokenizer tokenizer = classifier.tokenizer(BenchmarkOptions.MAX_TOKENS, Padding.FIXED)) {
            return SentimentSample.batches(tokenizer, sample.validationTexts().subList(0, full),
                    java.util.Arrays.copyOf(sample.validationLabels(), full), BenchmarkOptions.BATCH);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
