package dev.jft.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Pretrained weights ready to build a model from: the encoder's configuration and weights (Hugging
 * Face names, no "bert." prefix), the tokenizer definition, and, for a saved classifier, its head.
 *
 * <pre>{@code
 * Checkpoint minilm = ModelCatalog.load("all-MiniLM-L6-v2");
 * Checkpoint mine = HfCheckpoints.load(Path.of("my-finetuned-model"));
 * mine.labels(); // e.g. [negative, positive]
 * }</pre>
 *
 * @param name where it came from (catalog name or directory)
 * @param config the encoder's sizes
 * @param weights encoder weights by Hugging Face name without "bert." prefix
 * @param tokenizerJson the content of {@code tokenizer.json}
 * @param head weights of a classification head ("classifier.weight", "classifier.bias"); empty if none
 * @param labels label names of the head, in class-index order; empty if none
 * @param pooling how a saved sequence classifier pooled; null if unknown or not a sequence classifier
 * @param headKind the saved head's architecture (e.g. "BertForTokenClassification"); null if unknown
 */
public record Checkpoint(
        String name,
        BertConfig config,
        Map<String, FloatTensor> weights,
        String tokenizerJson,
        Map<String, FloatTensor> head,
        List<String> labels,
        Pooling pooling,
        String headKind) {

    private static final double RANDOM_INIT_STD = 0.02; // BERT's initializer_range

    public Checkpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(tokenizerJson, "tokenizerJson");
        weights = Collections.unmodifiableMap(weights);
        head = head == null ? Map.of() : Collections.unmodifiableMap(head);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A checkpoint whose head kind is unknown. */
    public Checkpoint(String name, BertConfig config, Map<String, FloatTensor> weights, String tokenizerJson,
            Map<String, FloatTensor> head, List<String> labels, Pooling pooling) {
        this(name, config, weights, tokenizerJson, head, labels, pooling, null);
    }

    /** A checkpoint without a pooling choice (encoders and token classifiers). */
    public Checkpoint(String name, BertConfig config, Map<String, FloatTensor> weights, String tokenizerJson,
            Map<String, FloatTensor> head, List<String> labels) {
        this(name, config, weights, tokenizerJson, head, labels, null, null);
    }

    /**
     * An encoder of this checkpoint's shape with no pretrained knowledge: the same config, tensor
     * names and shapes and the same tokenizer, but every weight drawn afresh as Hugging Face
     * initialises BERT (weights and embeddings from N(0, 0.02), biases 0, LayerNorm scales 1 and
     * shifts 0). The same seed gives the same weights. The result has no head and no labels.
     *
     * <pre>{@code
     * Checkpoint scratch = ModelCatalog.load("all-MiniLM-L6-v2").withRandomWeights(7);
     * }</pre>
     *
     * @param seed seed of the random draw
     */
    public Checkpoint withRandomWeights(long seed) {
        Random random = new Random(seed);
        Map<String, FloatTensor> drawn = new LinkedHashMap<>();
        weights.forEach((tensorName, tensor) -> {
            float[] data = new float[tensor.data().length];
            boolean norm = tensorName.contains("LayerNorm.");
            if (norm && tensorName.endsWith(".weight")) {
                Arrays.fill(data, 1f);
            } else if (!tensorName.endsWith(".bias")) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * RANDOM_INIT_STD);
                }
            }
            drawn.put(tensorName, new FloatTensor(tensor.shape().clone(), data));
        });
        return new Checkpoint(name + " (random weights, seed " + seed + ")", config, drawn, tokenizerJson,
                null, null, null);
    }

    /** Number of encoder parameters (every float in the encoder weights). */
    public long parameterCount() {
        return weights.values().stream().mapToLong(FloatTensor::size).sum();
    }
}
