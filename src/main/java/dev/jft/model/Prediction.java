package dev.jft.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The predicted label of one text and the probability of every label.
 *
 * <pre>{@code
 * Prediction p = predictor.predict("What a great film");
 * p.label();                    // "positive"
 * p.probability("negative");    // 0.03
 * }</pre>
 *
 * @param label the most probable label
 * @param classIndex its class index
 * @param probabilities softmax probability of each label, in class-index order
 * @param labels the label names
 */
public record Prediction(String label, int classIndex, float[] probabilities, List<String> labels) {

    /** Probability of the named label. */
    public float probability(String name) {
        int i = labels.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("Unknown label \"" + name + "\"; labels are " + labels);
        }
        return probabilities[i];
    }

    /** Label to probability, in class-index order. */
    public Map<String, Float> asMap() {
        Map<String, Float> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.get(i), probabilities[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%.3f)", label, probabilities[classIndex]);
    }
}
