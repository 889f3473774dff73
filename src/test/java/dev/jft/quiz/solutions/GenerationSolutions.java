package dev.jft.quiz.solutions;

import dev.jft.quiz.exercises.generation.LogitsFilter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Reference and known-wrong solutions for lesson 07-generation. They live in the test tree so they
 * never reach a notebook or the course jar; the proof tests grade them.
 */
public final class GenerationSolutions {

    private GenerationSolutions() {}

    public static final LogitsFilter TOP_K_TOP_P = (logits, k, p) -> filter(logits, k, p, true);

    /** A usual mistake: stopping before the token that crosses p, so p = 0.3 of [0.5, ...] keeps nothing useful. */
    public static final LogitsFilter TOP_P_DROPPING_THE_CROSSING_TOKEN = (logits, k, p) -> filter(logits, k, p, false);

    private static float[] filter(float[] logits, int k, double p, boolean keepCrossing) {
        float[] out = logits.clone();
        if (k > 0 && k < logits.length) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            float threshold = sorted[sorted.length - k];   // ties with the k-th largest stay
            for (int i = 0; i < out.length; i++) {
                if (out[i] < threshold) {
                    out[i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (p >= 1) {
            return out;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : out) {
            max = Math.max(max, v);
        }
        double[] probability = new double[out.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            probability[i] = Math.exp(out[i] - max);   // shifted: no overflow; -Infinity gives 0
            sum += probability[i];
        }
        float[] kept = out;
        Integer[] order = IntStream.range(0, out.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -kept[i]).thenComparingInt(i -> i));
        float[] result = new float[out.length];
        Arrays.fill(result, Float.NEGATIVE_INFINITY);
        double cumulative = 0;
        for (int id : order) {
            double next = cumulative + probability[id] / sum;
            if (!keepCrossing && next > p && cumulative > 0) {
                break;
            }
            result[id] = out[id];
            cumulative = next;
            if (cumulative >= p) {
                break;
            }
        }
        return result;
    }
}
