package dev.jft.generate;

import java.util.Random;

/**
 * How the next token is chosen from the logits: greedily (the most likely token) or by sampling after
 * temperature, top-k and top-p, in that order (Hugging Face's order).
 *
 * <pre>{@code
 * Decoding.greedy();
 * Decoding.sample(0.8);                 // temperature 0.8, every token eligible
 * Decoding.sample(1.0).withTopK(40);
 * Decoding.sample(0.9).withTopP(0.92);
 * }</pre>
 *
 * @param temperature 0 for greedy, else the sampling temperature (> 0)
 * @param topK keep the k most likely tokens; 0 = no limit
 * @param topP keep the most likely tokens up to this total probability; 1 = no limit
 */
public record Decoding(double temperature, int topK, double topP) {

    public Decoding {
        if (temperature < 0 || Double.isNaN(temperature) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("Temperature must be 0 (greedy) or > 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1] (1 = off), got " + topP);
        }
    }

    /** Always the most likely token. */
    public static Decoding greedy() {
        return new Decoding(0, 0, 1);
    }

    /** Sampling from the whole distribution at this temperature. */
    public static Decoding sample(double temperature) {
        if (temperature <= 0) {
            throw new IllegalArgumentException("Sampling needs a temperature > 0, got " + temperature
                    + " (for greedy decoding use Decoding.greedy())");
        }
        return new Decoding(temperature, 0, 1);
    }

    /** The same, sampling only among the k most likely tokens. */
    public Decoding withTopK(int k) {
        return new Decoding(temperature, k, topP);
    }

    /** The same, sampling only among the most likely tokens whose probabilities reach p. */
    public Decoding withTopP(double p) {
        return new Decoding(temperature, topK, p);
    }

    /** True for greedy decoding. */
    public boolean isGreedy() {
        return temperature == 0;
    }

    /** The probabilities this decoding samples from (for greedy: 1 on the most likely token). */
    public float[] distribution(float[] logits) {
        if (isGreedy()) {
            float[] one = new float[logits.length];
            one[LogitsFilters.argmax(logits)] = 1f;
            return one;
        }
        float[] scaled = LogitsFilters.temperature(logits, temperature);
        return LogitsFilters.softmax(LogitsFilters.topP(LogitsFilters.topK(scaled, topK), topP));
    }

    /** The next token: the argmax, or a draw from {@link #distribution} with {@code random}. */
    public int next(float[] logits, Random random) {
        if (isGreedy()) {
            return LogitsFilters.argmax(logits);
        }
        float[] scaled = LogitsFilters.temperature(logits, temperature);
        double[] p = LogitsFilters.softmaxDouble(LogitsFilters.topP(LogitsFilters.topK(scaled, topK), topP));
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // u fell in the rounding gap above the last cumulative sum
    }

    @Override
    public String toString() {
        if (isGreedy()) {
            return "greedy";
        }
        return "temperature " + temperature + (topK > 0 ? ", top-k " + topK : "") + (topP < 1 ? ", top-p " + topP : "");
    }
}
