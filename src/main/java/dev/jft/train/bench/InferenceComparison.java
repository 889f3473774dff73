package dev.jft.train.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.jft.model.BertEncoder;
import dev.jft.model.ModelCatalog;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inference speed of our DJL encoder against ONNX Runtime running the model's original fp32 ONNX
 * export and, where the catalog has one, its int8 export, on identical batches. The engines take
 * turns in blocks (so all see the same machine load, and none runs while another's threads still
 * spin); each figure is the median over blocks with its min-max range, and each ratio the median of
 * the per-block ratios, so that one noisy block cannot decide it. All engines include building the
 * input tensors and copying the hidden states back into Java arrays.
 *
 * <pre>{@code
 * InferenceComparison.Result r = InferenceComparison.run(encoder, ModelCatalog.onnxModel(name),
 *         ModelCatalog.quantizedOnnxModel(name), batches, options, manager);
 * r.fp32().oursOver().median();                  // ours / ONNX Runtime fp32, median of the blocks
 * InferenceComparison.addRows(table, r);
 * }</pre>
 */
public final class InferenceComparison {

    /**
     * One ONNX Runtime peer.
     *
     * @param perSecond examples per second, over blocks
     * @param oursOver our examples per second divided by the peer's, block by block
     */
    public record Peer(Spread perSecond, Spread oursOver) {}

    /**
     * @param ours our examples per second, over blocks
     * @param fp32 ONNX Runtime on the fp32 export
     * @param int8 ONNX Runtime on the int8 export; empty when the catalog has none for the model
     * @param oursSecondsPerBatch seconds of one of our forward passes, from the median block
     * @param onnxThreads intra-op threads given to ONNX Runtime
     * @param blocks timed blocks per engine
     * @param batchesPerBlock timed batches in each block
     */
    public record Result(Spread ours, Peer fp32, Optional<Peer> int8, double oursSecondsPerBatch, int onnxThreads,
            int blocks, int batchesPerBlock) {

        /** Our median examples per second. */
        public double oursPerSecond() {
            return ours.median();
        }

        /** ONNX Runtime's (fp32) median examples per second. */
        public double onnxPerSecond() {
            return fp32.perSecond().median();
        }
    }

    private InferenceComparison() {}

    /**
     * Like {@link #run(BertEncoder, byte[], Optional, List, BenchmarkOptions, NDManager)}, the int8
     * peer being the catalog's int8 export of {@code options.model()}, if it has one.
     */
    public static Result run(BertEncoder encoder, byte[] fp32Model, List<TokenBatch> batches, BenchmarkOptions options,
            NDManager manager) throws Exception {
        return run(encoder, fp32Model, ModelCatalog.quantizedOnnxModel(options.model()), batches, options, manager);
    }

    /**
     * Times {@code options.inferenceBlocks()} blocks of {@code options.inferenceRounds()} batches per
     * engine, cycling through {@code batches}, after {@code options.warmup()} untimed batches each.
     */
    public static Result run(BertEncoder encoder, byte[] fp32Model, Optional<byte[]> int8Model,
            List<TokenBatch> batches, BenchmarkOptions options, NDManager manager) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions settings = new OrtSession.SessionOptions()) {
            settings.setIntraOpNumThreads(threads);
            List<OrtSession> sessions = new ArrayList<>();
            try {
                sessions.add(env.createSession(fp32Model, settings));
                if (int8Model.isPresent()) {
                    sessions.add(env.createSession(int8Model.get(), settings));
                }
                return time(encoder, env, sessions, batches, options, manager, threads);
            } finally {
                for (OrtSession session : sessions) {
                    session.close();
                }
            }
        }
    }

    private static Result time(BertEncoder encoder, OrtEnvironment env, List<OrtSession> sessions,
            List<TokenBatch> batches, BenchmarkOptions options, NDManager manager, int threads) throws Exception {
        Timing.Work[] engines = new Timing.Work[1 + sessions.size()];
        int[] next = new int[engines.length]; // each engine walks through the same batches in the same order
        engines[0] = () -> ours(encoder, batches.get(next[0]++ % batches.size()), manager);
        for (int s = 0; s < sessions.size(); s++) {
            int engine = s + 1;
            OrtSession session = sessions.get(s);
            engines[engine] = () -> onnx(env, session, batches.get(next[engine]++ % batches.size()));
        }
        double[][] seconds = Timing.inBlocks(options.warmup(), options.inferenceBlocks(), options.inferenceRounds(),
                engines);
        double examples = (double) options.inferenceRounds() * batches.get(0).size();
        double[][] perSecond = new double[engines.length][];
        for (int e = 0; e < engines.length; e++) {
            perSecond[e] = examplesPerSecond(examples, seconds[e]);
        }
        Spread ours = Spread.of(perSecond[0]);
        Optional<Peer> int8 = sessions.size() > 1 ? Optional.of(peer(perSecond[0], perSecond[2])) : Optional.empty();
        return new Result(ours, peer(perSecond[0], perSecond[1]), int8, batches.get(0).size() / ours.median(),
                threads, options.inferenceBlocks(), options.inferenceRounds());
    }

    private static double[] examplesPerSecond(double examples, double[] blockSeconds) {
        double[] rates = new double[blockSeconds.length];
        for (int b = 0; b < rates.length; b++) {
            rates[b] = examples / blockSeconds[b];
        }
        return rates;
    }

    private static Peer peer(double[] oursPerSecond, double[] peerPerSecond) {
        return new Peer(Spread.of(peerPerSecond), Spread.ofRatios(oursPerSecond, peerPerSecond));
    }

    /**
     * Adds the comparison's rows to {@code table}: examples/s of ours, ONNX Runtime fp32 and int8,
     * then ours / fp32 (target 1.3x) and ours / int8, each as "median [min-max]" over blocks. The
     * int8 rows are left out when the model has no int8 export.
     */
    public static ResultTable addRows(ResultTable table, Result result) {
        String blocks = ", median [min-max] of " + result.blocks() + " blocks x " + result.batchesPerBlock()
                + " batches";
        String threads = result.onnxThreads() + " threads";
        table.add("inference examples/s, ours (DJL + PyTorch)" + blocks, result.ours().format("%.1f"), "")
                .add("inference examples/s, ONNX Runtime (fp32, " + threads + ")" + blocks,
                        result.fp32().perSecond().format("%.1f"), "");
        result.int8().ifPresent(int8 -> table.add("inference examples/s, ONNX Runtime (int8, " + threads + ")"
                + blocks, int8.perSecond().format("%.1f"), ""));
        String ratios = ", median [min-max] of " + result.blocks() + " block ratios";
        table.add("inference speed, ours / ONNX Runtime fp32" + ratios, result.fp32().oursOver().format("%.2fx"),
                ">= 1.3x");
        result.int8().ifPresent(int8 -> table.add("inference speed, ours / ONNX Runtime int8" + ratios,
                int8.oursOver().format("%.2fx"), ""));
        return table;
    }

    private static void ours(BertEncoder encoder, TokenBatch batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            encoder.forward(new ParameterStore(step, false), batch.inputs(step), false).head().toFloatArray();
        }
    }

    /** Runs one batch and returns the first output (the hidden states, batch x tokens x width). */
    static float[][][] onnx(OrtEnvironment env, OrtSession session, TokenBatch batch) throws OrtException {
        try (OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds());
                OrtSession.Result result = session.run(
                        Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return (float[][][]) result.get(0).getValue();
        }
    }
}
