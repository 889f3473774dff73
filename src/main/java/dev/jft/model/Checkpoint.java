package dev.jft.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Number of encoder parameters (every float in the encoder weights). */
    public long parameterCount() {
        return weights.values().stream().mapToLong(FloatTensor::size).sum();
    }
}
