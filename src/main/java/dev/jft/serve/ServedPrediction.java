package dev.jft.serve;

import dev.jft.model.Prediction;

/**
 * One text's answer: the prediction, and whether the text was cut to the model's maximum length.
 *
 * <pre>{@code
 * ServedPrediction p = model.classify(List.of("great")).get(0);
 * p.prediction().label();   // "positive"
 * p.truncated();            // false
 * }</pre>
 *
 * @param prediction the label and the probability of every label
 * @param truncated true when the text had more tokens than the model reads, so its end was ignored
 */
public record ServedPrediction(Prediction prediction, boolean truncated) {}
