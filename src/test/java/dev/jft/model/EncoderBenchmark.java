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
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = BertEncoder.pretrained(checkpoint, manager);
            double ours = time(() -> {
                try (NDManager step = manager.newSubManager()) {
                    encoder.forward(new ParameterStore(step, false), batch.inputs(step), false).head().toFloatArray();
                }
            });
            report("DJL BertEncoder", ours);
            double ort = onnxRuntime(ModelCatalog.entry(name).onnxResource(), batch, threads);
            report("ONNX Runtime (" + threads + " threads)", ort);
            System.out.printf("speed ratio (ONNX Runtime time / ours): %.2fx%n", ort / ours);
        }
    }

    private static double onnxRuntime(String resource, TokenBatch batch, int threads) throws Exception {
        byte[] model;
        try (InputStream in = EncoderBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            model = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        try (OrtSession session = env.createSession(model, options);
                OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds())) {
            Map<String, OnnxTensor> inputs = Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types);
            return time(() -> {
                try (OrtSession.Result result = session.run(inputs)) {
                    result.get(0).getValue();
                }
            });
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** Median seconds per batch after warm-up. */
    private static double time(Step step) throws Exception {
        for (int i = 0; i < 3; i++) {
            step.run();
        }
        double[] seconds = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            step.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[ROUNDS / 2];
    }

    private static void report(String what, double seconds) {
        System.out.printf("%-28s %7.1f ms/batch  %7.1f examples/s  (batch %d x %d tokens)%n",
                what, seconds * 1000, BATCH / seconds, BATCH, LENGTH);
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
