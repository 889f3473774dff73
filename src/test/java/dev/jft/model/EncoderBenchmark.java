package dev.jft.model;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jft.text.TokenBatch;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;

/**
 * Inference speed of our DJL encoder against ONNX Runtime on the same model: batch 16, 64 tokens.
 * Prints figures; not part of the unit tests. Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.jft.model.EncoderBenchmark [model] [threads]}
 */
public final class EncoderBenchmark {

    private static final int BATCH = 16;
    private static final int LENGTH = 64;
    private static final int ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "all-MiniLM-L6-v2";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        TokenBatch batch = randomBatch();
        Checkpoint checkpoint = ModelCatalog.load(name);
        byte[] onnx;
        try (InputStream in = EncoderBenchmark.class.getClassLoader()
                .getResourceAsStream(ModelCatalog.entry(name).onnxResource())) {
            onnx = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        try (NDManager manager = NDManager.newBaseManager();
                OrtSession session = env.createSession(onnx, options);
                OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds())) {
            BertEncoder encoder = BertEncoder.pretrained(checkpoint, manager);
            Step ours = () -> {
                try (NDManager step = manager.newSubManager()) {
                    encoder.forward(new ParameterStore(step, false), batch.inputs(step), false).head().toFloatArray();
                }
            };
            Map<String, OnnxTensor> inputs = Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types);
            Step ort = () -> {
                try (OrtSession.Result result = session.run(inputs)) {
                    result.get(0).getValue();
                }
            };
            // Alternate the two so that both see the same machine load.
            double[][] seconds = time(ours, ort);
            report("DJL BertEncoder", seconds[0]);
            report("ONNX Runtime (" + threads + " threads)", seconds[1]);
            System.out.printf("speed ratio (ONNX Runtime time / ours, median): %.2fx%n",
                    median(seconds[1]) / median(seconds[0]));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** Seconds per batch of each step, after warm-up, run in turns. */
    private static double[][] time(Step... steps) throws Exception {
        double[][] seconds = new double[steps.length][ROUNDS];
        for (int round = -3; round < ROUNDS; round++) {
            for (int s = 0; s < steps.length; s++) {
                long start = System.nanoTime();
                steps[s].run();
                if (round >= 0) {
                    seconds[s][round] = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(String what, double[] seconds) {
        double median = median(seconds);
        double best = java.util.Arrays.stream(seconds).min().orElse(0);
        System.out.printf("%-28s median %6.1f ms/batch (best %6.1f)  %6.1f examples/s  (batch %d x %d tokens)%n",
                what, median * 1000, best * 1000, BATCH / median, BATCH, LENGTH);
    }

    private static TokenBatch randomBatch() {
        Random random = new Random(0);
        long[][] ids = new long[BATCH][LENGTH];
        long[][] mask = new long[BATCH][LENGTH];
        for (int b = 0; b < BATCH; b++) {
            ids[b][0] = 101;
            for (int t = 1; t < LENGTH - 1; t++) {
                ids[b][t] = 1000 + random.nextInt(29000);
            }
            ids[b][LENGTH - 1] = 102;
            java.util.Arrays.fill(mask[b], 1);
        }
        return new TokenBatch(ids, mask, new long[BATCH][LENGTH], null, null);
    }
}
