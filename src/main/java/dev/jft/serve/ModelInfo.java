package dev.jft.serve;

import java.util.List;

/**
 * What {@code GET /info} says about the model being served.
 *
 * <pre>{@code
 * ModelInfo info = model.info();
 * info.name();       // "minilm-sentiment" (the folder's name)
 * info.labels();     // [negative, positive]
 * info.maxLength();  // 128: longer texts are truncated, and predictions say so
 * info.version();    // "3f9a0c12b7de": the first 12 hex digits of the weights' SHA-256
 * }</pre>
 *
 * @param name the model's name
 * @param labels the class names, in class-index order
 * @param maxLength the longest input in tokens; longer texts are truncated
 * @param version identifies the weights: two folders with the same version hold the same model
 */
public record ModelInfo(String name, List<String> labels, int maxLength, String version) {

    public ModelInfo {
        labels = List.copyOf(labels);
    }
}
