package dev.jft.eval;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals: resample the examples with replacement many times,
 * compute the metric on each resample, and take the middle {@code level} of those values.
 *
 * <pre>{@code
 * // metric gets the row indices of one resample
 * Bootstrap.Interval ci = Bootstrap.interval(truth.length,
 *         rows -> accuracyOf(rows), 1000, 0.95, 42);
 * ci.lower(); ci.upper();
 * }</pre>
 */
public final class Bootstrap {

    /** A metric's value on all examples and its percentile interval. */
    public record Interval(double estimate, double lower, double upper, double level) {
        @Override
        public String toString() {
            return String.format("%.4f [%.4f, %.4f] (%.0f%%)", estimate, lower, upper, level * 100);
        }
    }

    private Bootstrap() {}

    /**
     * The interval for {@code metric}, evaluated on index arrays of {@code size} examples; the
     * estimate is the metric on the original indices 0..size-1. Same seed, same interval.
     */
    public static Interval interval(int size, ToDoubleFunction<int[]> metric, int resamples, double level, long seed) {
        Checks.nonEmpty(size, "The example set");
        if (resamples < 1) {
            throw new IllegalArgumentException("Need at least one resample, got " + resamples + ".");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be between 0 and 1 (e.g. 0.95), got " + level + ".");
        }
        Random random = new Random(seed);
        double[] values = new double[resamples];
        int[] rows = new int[size];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < size; i++) {
                rows[i] = random.nextInt(size);
            }
            values[r] = metric.applyAsDouble(rows.clone());
        }
        Arrays.sort(values);
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        double tail = (1 - level) / 2;
        return new Interval(metric.applyAsDouble(all), percentile(values, tail), percentile(values, 1 - tail), level);
    }

    /** Percentile of sorted values with linear interpolation between ranks (NumPy's default). */
    static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
