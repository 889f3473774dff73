package dev.jft.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * What a sampler does to the next-token logits before it draws: temperature scaling, top-k and
 * top-p (nucleus) filtering, and the softmax. Filtered-out tokens get {@code -Infinity}, so their
 * probability is exactly 0. Each method returns a new array and leaves its input unchanged.
 *
 * <pre>{@code
 * float[] logits = {2f, 1f, 0f, -1f};
 * LogitsFilters.topK(logits, 2);      // [2, 1, -Inf, -Inf]
 * LogitsFilters.topP(logits, 0.8);    // keeps the most likely tokens until their probability reaches 0.8
 * LogitsFilters.softmax(LogitsFilters.temperature(logits, 0.5));
 * }</pre>
 */
public final class LogitsFilters {

    private LogitsFilters() {}

    /** {@code logits / temperature}; below 1 sharpens the distribution, above 1 flattens it. */
    public static float[] temperature(float[] logits, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("Temperature must be > 0 and finite, got " + temperature
                    + " (for greedy decoding use Decoding.greedy())");
        }
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) (logits[i] / temperature);
        }
        return out;
    }

    /**
     * Keeps the {@code k} largest logits (every token tied with the k-th largest too, as Hugging Face
     * does); {@code k <= 0} or {@code k >= logits.length} keeps all.
     */
    public static float[] topK(float[] logits, int k) {
        requireNonEmpty(logits);
        if (k <= 0 || k >= logits.length) {
            return logits.clone();
        }
        float[] sorted = logits.clone();
        Arrays.sort(sorted);
        float threshold = sorted[sorted.length - k];
        float[] out = logits.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < threshold) {
                out[i] = Float.NEGATIVE_INFINITY;
            }
        }
        return out;
    }

    /**
     * Keeps the smallest set of most likely tokens whose probabilities sum to at least {@code p} (the
     * token that crosses {@code p} is kept; at least one token always is). Among equal logits the lower
     * id comes first. {@code p >= 1} keeps all.
     */
    public static float[] topP(float[] logits, double p) {
        requireNonEmpty(logits);
        if (!(p > 0) || Double.isNaN(p)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + p);
        }
        if (p >= 1) {
            return logits.clone();
        }
        double[] probabilities = softmaxDouble(logits);
        Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -logits[i]).thenComparingInt(i -> i));
        float[] out = new float[logits.length];
        Arrays.fill(out, Float.NEGATIVE_INFINITY);
        double cumulative = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int id = order[rank];
            out[id] = logits[id];
            cumulative += probabilities[id];
            if (cumulative >= p) {
                break;
            }
        }
        return out;
    }

    /** Probabilities of the logits (computed in double; {@code -Infinity} gives 0). */
    public static float[] softmax(float[] logits) {
        double[] p = softmaxDouble(logits);
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) p[i];
        }
        return out;
    }

    /** Index of the largest logit (the lowest index among ties). */
    public static int argmax(float[] logits) {
        requireNonEmpty(logits);
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    static double[] softmaxDouble(float[] logits) {
        requireNonEmpty(logits);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("The logits contain NaN: the model's output is broken");
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("Every logit is -Infinity: the filters removed every token");
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static void requireNonEmpty(float[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("The logits vector is empty: give one logit per token of the vocabulary");
        }
    }
}
