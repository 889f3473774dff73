package dev.jft.train.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.jft.model.BertEncoder;
import dev.jft.text.TokenBatch;
import java.util.List;
import java.util.Map;

/**
 * Inference speed of our DJL encoder against ONNX Runtime running the model's original ONNX
 * export, on identical batches, in alternating blocks (so both see the same machine load, and
 * neither runs while the other's threads still spin). Both include
 * building the input tensors and copying the hidden states back into Java arrays.
 *
 * <pre>{@code
 * InferenceComparison.Result r = InferenceComparison.run(encoder, ModelCatalog.onnxModel(name), batches, options, manager);
 * r.oursPerSecond() / r.onnxPerSecond();
 * }</pre>
 */
public final class InferenceComparison {

    /** Timed batches per turn of each engine (see {@link Timing#inBlocks}). */
    private static final int BLOCK = 5;

    /**
     * @param oursPerSecond examples per second of our encoder
     * @param onnxPerSecond examples per second of ONNX Runtime
     * @param oursSecondsPerBatch mean seconds of one of our forward passes
     * @param onnxThreads intra-op threads given to ONNX Runtime
     */
    public record Result(double oursPerSecond, double onnxPerSecond, double oursSecondsPerBatch, int onnxThreads) {}

    private InferenceComparison() {}

    /** Times {@code options.inferenceRounds()} batches per engine, cycling through {@code batches}. */
    public static Result run(BertEncoder encoder, byte[] onnxModel, List<TokenBatch> batches, BenchmarkOptions options,
            NDManager manager) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions settings = new OrtSession.SessionOptions()) {
            settings.setIntraOpNumThreads(threads);
            try (OrtSession session = env.createSession(onnxModel, settings)) {
                int[] next = {0, 0};
                Timing.Work ours = () -> ours(encoder, batches.get(next[0]++ % batches.size()), manager);
                Timing.Work onnx = () -> onnx(env, session, batches.get(next[1]++ % batches.size()));
                double[] seconds = Timing.inBlocks(options.warmup(), options.inferenceRounds(), BLOCK, ours, onnx);
                double examples = (double) options.inferenceRounds() * batches.get(0).size();
                return new Result(examples / seconds[0], examples / seconds[1],
                        seconds[0] / options.inferenceRounds(), threads);
            }
        }
    }

    private static void ours(BertEncoder encoder, TokenBatch batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            encoder.forward(new ParameterStore(step, false), batch.inputs(step), false).head().toFloatArray();
        }
    }

    private static void onnx(OrtEnvironment env, OrtSession session, TokenBatch batch) throws OrtException {
        try (OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds());
                OrtSession.Result result = session.run(
                        Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            result.get(0).getValue();
        }
    }
}
