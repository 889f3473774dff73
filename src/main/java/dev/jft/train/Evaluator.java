package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.jft.eval.ConfusionMatrix;
import dev.jft.model.GradMode;
import dev.jft.text.TokenBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs a classifier over labelled batches in inference mode and reports the mean cross-entropy
 * ({@code "loss"}) plus accuracy and F1 averages from {@link ConfusionMatrix#summary()}.
 * Token-classification positions labelled {@link TokenBatch#IGNORE_LABEL} are skipped.
 *
 * <pre>{@code
 * Map<String, Double> metrics = Evaluator.evaluate(model, validationBatches, manager);
 * metrics.get("accuracy");
 * }</pre>
 */
public final class Evaluator {

    /**
     * Above this many classes (a language model's vocabulary) {@link #evaluate} reports only "loss" (the
     * mean NLL per token: {@code exp(loss)} is the perplexity) and "accuracy" (next-token accuracy).
     */
    public static final int MAX_MATRIX_CLASSES = 4096;

    /** The names of the metrics {@link #evaluate} reports. */
    public static final List<String> METRICS = List.of("loss", "accuracy", "f1_macro", "f1_micro", "f1_weighted");

    private Evaluator() {}

    /** Validation metrics of {@code block} on {@code batches}; every array made here is closed. */
    public static Map<String, Double> evaluate(Block block, List<TokenBatch> batches, NDManager manager) {
        Predictions predictions = predict(block, batches, manager);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", predictions.lossSum() / predictions.truth().length);
        if (predictions.numClasses() > MAX_MATRIX_CLASSES) {
            // a language model's vocabulary: a confusion matrix would need classes^2 counts (20 GB for GPT-2)
            long right = 0;
            for (int i = 0; i < predictions.truth().length; i++) {
                right += predictions.truth()[i] == predictions.predicted()[i] ? 1 : 0;
            }
            metrics.put("accuracy", right / (double) predictions.truth().length);
            return metrics;
        }
        metrics.putAll(ConfusionMatrix.of(predictions.truth(), predictions.predicted(), predictions.numClasses()).summary());
        return metrics;
    }

    /** True and predicted class of every labelled position, with the summed loss. */
    public record Predictions(int[] truth, int[] predicted, int numClasses, double lossSum) {}

    /** Argmax predictions of {@code block} on {@code batches}. */
    public static Predictions predict(Block block, List<TokenBatch> batches, NDManager manager) {
        if (batches == null || batches.isEmpty()) {
            throw new IllegalArgumentException("Validation data is empty: give at least one labelled batch.");
        }
        IntStream.Builder truth = IntStream.builder();
        IntStream.Builder predicted = IntStream.builder();
        int numClasses = 0;
        double lossSum = 0;
        for (TokenBatch batch : batches) {
            try (NDManager step = manager.newSubManager()) {
                NDArray logits = GradMode.disabled(
                        () -> block.forward(new ParameterStore(step, false), batch.inputs(step), false).head());
                NDArray targets = batch.targets(step);
                lossSum += CrossEntropy.sum(logits, targets).getFloat();
                numClasses = (int) logits.getShape().get(logits.getShape().dimension() - 1);
                long[] labels = targets.toLongArray();
                long[] argmax = logits.argMax(-1).toLongArray();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] != TokenBatch.IGNORE_LABEL) {
                        truth.add((int) labels[i]);
                        predicted.add((int) argmax[i]);
                    }
                }
            }
        }
        int[] truthArray = truth.build().toArray();
        if (truthArray.length == 0) {
            throw new IllegalArgumentException("Validation data has no labelled position (all are "
                    + TokenBatch.IGNORE_LABEL + ").");
        }
        return new Predictions(truthArray, predicted.build().toArray(), numClasses, lossSum);
    }
}
