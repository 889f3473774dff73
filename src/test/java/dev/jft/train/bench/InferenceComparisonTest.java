package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jft.model.ModelCatalog;
import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inference comparison's rows for a small run, and the int8 peer's inputs and outputs (speeds are not checked). */
class InferenceComparisonTest {

    private static final String MODEL = "all-MiniLM-L6-v2";
    /** "median [min-max]" of examples/s or of a ratio. */
    private static final String SPREAD = "[0-9.]+x? \\[[0-9.]+x?-[0-9.]+x?\\]";

    @Test
    void aSmallRunAddsFiveRowsWithBlockCountsAndRanges() throws Exception {
        BenchmarkOptions small = BenchmarkOptions.parse("--quick", "--rounds", "1", "--blocks", "3", "--warmup", "0");
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier classifier = classifier(manager);
            InferenceComparison.Result result = InferenceComparison.run(classifier.encoder(),
                    ModelCatalog.onnxModel(MODEL), batches(classifier, 2), small, manager);
            assertTrue(result.int8().isPresent(), "the catalog has an int8 export of " + MODEL);
            assertEquals(3, result.blocks());
            assertEquals(1, result.batchesPerBlock());
            assertTrue(result.ours().min() <= result.ours().median() && result.ours().median() <= result.ours().max());
            assertEquals(BenchmarkOptions.BATCH / result.oursPerSecond(), result.oursSecondsPerBatch(), 1e-12);

            ResultTable table = InferenceComparison.addRows(new ResultTable("small run"), result);
            System.out.println(table);
            List<String> measures = table.measures();
            assertEquals(5, measures.size(), table.toString());
            List<String> expected = List.of("ours (DJL + PyTorch)", "ONNX Runtime (fp32", "ONNX Runtime (int8",
                    "ours / ONNX Runtime fp32", "ours / ONNX Runtime int8");
            for (int row = 0; row < expected.size(); row++) {
                assertTrue(measures.get(row).contains(expected.get(row)), expected.get(row) + ":\n" + table);
                assertTrue(measures.get(row).contains(" 3 block"), "the label names the block count:\n" + table);
            }
            List<String> lines = table.toString().lines().dropWhile(l -> !l.startsWith("| ---")).skip(1).toList();
            String row = "\\| .+ \\| " + SPREAD + " +\\| .*\\|";
            assertTrue(lines.stream().allMatch(l -> l.matches(row)), table.toString());
            assertTrue(lines.get(3).contains(">= 1.3x"), table.toString());
        }
    }

    @Test
    void withoutAnInt8ExportOnlyTheFp32RowsAreAdded() {
        Spread some = new Spread(2, 1, 3);
        InferenceComparison.Result result = new InferenceComparison.Result(some,
                new InferenceComparison.Peer(some, some), Optional.empty(), 0.1, 2, 10, 3);
        ResultTable table = InferenceComparison.addRows(new ResultTable("no int8"), result);
        assertEquals(3, table.measures().size(), table.toString());
        assertTrue(table.measures().get(0).endsWith("median [min-max] of 10 blocks x 3 batches"), table.toString());
        assertTrue(table.toString().contains("| 2.00x [1.00x-3.00x] | >= 1.3x |"), table.toString());
    }

    @Test
    void int8ExportTakesTheSameInputsAndGivesHiddenStatesCloseToFp32() throws Exception {
        byte[] int8Model = ModelCatalog.quantizedOnnxModel(MODEL).orElseThrow();
        TokenBatch batch;
        try (NDManager manager = NDManager.newBaseManager()) {
            batch = batches(classifier(manager), 1).get(0);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession fp32 = env.createSession(ModelCatalog.onnxModel(MODEL));
                OrtSession int8 = env.createSession(int8Model)) {
            assertEquals(fp32.getInputNames(), int8.getInputNames());
            float[][][] exact = InferenceComparison.onnx(env, fp32, batch);
            float[][][] quantized = InferenceComparison.onnx(env, int8, batch);
            assertArrayEquals(new int[] {exact.length, exact[0].length, exact[0][0].length},
                    new int[] {quantized.length, quantized[0].length, quantized[0][0].length});
            assertEquals(fp32.getOutputNames(), int8.getOutputNames());
            // padding positions are masked out of every use of the model, so only real tokens count
            double maxDiff = 0;
            double cosineSum = 0;
            int tokens = 0;
            for (int b = 0; b < exact.length; b++) {
                for (int t = 0; t < exact[b].length; t++) {
                    if (batch.attentionMask()[b][t] == 0) {
                        continue;
                    }
                    double dot = 0;
                    double exactNorm = 0;
                    double quantizedNorm = 0;
                    for (int d = 0; d < exact[b][t].length; d++) {
                        maxDiff = Math.max(maxDiff, Math.abs(exact[b][t][d] - quantized[b][t][d]));
                        dot += exact[b][t][d] * quantized[b][t][d];
                        exactNorm += exact[b][t][d] * exact[b][t][d];
                        quantizedNorm += quantized[b][t][d] * quantized[b][t][d];
                    }
                    cosineSum += dot / Math.sqrt(exactNorm * quantizedNorm);
                    tokens++;
                }
            }
            double cosine = cosineSum / tokens;
            System.out.printf("int8 vs fp32 hidden states of %d real tokens: max abs difference %.4f,"
                    + " mean cosine similarity %.4f; outputs %s%n", tokens, maxDiff, cosine, fp32.getOutputNames());
            // int8 weights move single values noticeably, but keep each token's direction
            assertTrue(cosine > 0.9, "mean cosine similarity " + cosine);
        }
    }

    private static SequenceClassifier classifier(NDManager manager) {
        return SequenceClassifier.builder().encoder(MODEL).labels(SentimentSample.LABELS).seed(42).build(manager);
    }

    /** {@code count} batches of validation sentences padded to the maximum length, as the benchmark times. */
    private static List<TokenBatch> batches(SequenceClassifier classifier, int count) {
        int size = count * BenchmarkOptions.BATCH;
        SentimentSample sample = SentimentSample.stratified(BenchmarkOptions.BATCH, size, 42);
        try (TextTokenizer tokenizer = classifier.tokenizer(BenchmarkOptions.MAX_TOKENS, Padding.FIXED)) {
            return SentimentSample.batches(tokenizer, sample.validationTexts().subList(0, size),
                    java.util.Arrays.copyOf(sample.validationLabels(), size), BenchmarkOptions.BATCH);
        }
    }
}
