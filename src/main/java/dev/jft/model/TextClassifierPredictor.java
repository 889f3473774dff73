package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts in, labels and probabilities out: tokenizes, runs a {@link SequenceClassifier} in batches
 * (each padded to its longest text) and applies softmax.
 *
 * <p>Not thread-safe, like DJL predictors: use one predictor per thread (they may share the
 * classifier for inference). Every batch's arrays live on a sub-manager closed after the batch;
 * {@link #close()} frees the tokenizer and the predictor's manager, not the classifier.
 *
 * <pre>{@code
 * try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 128, 32)) {
 *     List<Prediction> predictions = predictor.predict(List.of("great film", "boring"));
 * }
 * }</pre>
 */
public final class TextClassifierPredictor implements AutoCloseable {

    private final SequenceClassifier classifier;
    private final TextTokenizer tokenizer;
    private final NDManager manager;
    private final int batchSize;

    /**
     * @param classifier the model (its parameters must be on the CPU or the default device)
     * @param maxLength longest input in tokens; longer texts are truncated
     * @param batchSize texts per forward pass
     */
    public TextClassifierPredictor(SequenceClassifier classifier, int maxLength, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.classifier = classifier;
        this.batchSize = batchSize;
        this.tokenizer = classifier.tokenizer(maxLength, Padding.DYNAMIC);
        this.manager = NDManager.newBaseManager();
    }

    /** Predicts one text. */
    public Prediction predict(String text) {
        return predict(List.of(text)).get(0);
    }

    /** Predicts every text, in order. */
    public List<Prediction> predict(List<String> texts) {
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += batchSize) {
            out.addAll(predictBatch(texts.subList(start, Math.min(texts.size(), start + batchSize)), start));
        }
        return out;
    }

    private List<Prediction> predictBatch(List<String> texts, int firstRow) {
        TokenBatch batch;
        try {
            batch = tokenizer.encode(texts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Batch starting at text " + firstRow + ": " + e.getMessage(), e);
        }
        LabelMap labels = classifier.labels();
        try (NDManager step = manager.newSubManager()) {
            NDArray logits = GradMode.disabled(
                    () -> classifier.forward(new ParameterStore(step, false), batch.inputs(step), false).head());
            float[] probabilities = logits.softmax(-1).toFloatArray();
            int n = labels.size();
            List<Prediction> out = new ArrayList<>(texts.size());
            for (int row = 0; row < texts.size(); row++) {
                float[] p = java.util.Arrays.copyOfRange(probabilities, row * n, (row + 1) * n);
                int best = 0;
                for (int c = 1; c < n; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                out.add(new Prediction(labels.name(best), best, p, labels.names()));
            }
            return out;
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
