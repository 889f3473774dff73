package dev.jft.quiz.solutions;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Reference and known-wrong solutions for lesson 00-welcome. They live in the test tree so they
 * never reach a notebook or the course jar; the proof tests grade them.
 */
public final class WelcomeSolutions {

    private WelcomeSolutions() {}

    public static final Function<double[], double[]> SOFTMAX = logits -> {
        double max = Arrays.stream(logits).max().orElse(0);
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    };

    /** The classic mistake: no shift by the maximum, so exp(1000) overflows to Infinity and gives NaN. */
    public static final Function<double[], double[]> SOFTMAX_WITHOUT_SHIFT = logits -> {
        double sum = Arrays.stream(logits).map(Math::exp).sum();
        return Arrays.stream(logits).map(x -> Math.exp(x) / sum).toArray();
    };

    public static final ToDoubleBiFunction<int[], int[]> ACCURACY =
            (predictions, labels) -> (double) countCorrect(predictions, labels) / labels.length;

    /** The classic mistake: int / int rounds every fraction below 1 down to 0. */
    public static final ToDoubleBiFunction<int[], int[]> ACCURACY_INTEGER_DIVISION =
            (predictions, labels) -> countCorrect(predictions, labels) / labels.length;

    private static int countCorrect(int[] predictions, int[] labels) {
        if (predictions.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need two non-empty arrays of the same length");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
