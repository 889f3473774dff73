package dev.jft.train.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The median of repeated measurements with their range: the median so that one noisy repetition
 * cannot decide a figure, the range so that the reader sees how much the repetitions agreed.
 *
 * <pre>{@code
 * Spread s = Spread.of(180.2, 195.0, 188.9);   // median 188.9, min 180.2, max 195.0
 * s.format("%.1f");                           // "188.9 [180.2-195.0]"
 * }</pre>
 *
 * @param median middle value (mean of the two middle ones for an even count)
 * @param min smallest value
 * @param max largest value
 */
public record Spread(double median, double min, double max) {

    /** The spread of {@code values} (at least one). */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A spread needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }

    /** The spread of the element-wise ratios {@code numerators[i] / denominators[i]} (pairs, not medians). */
    public static Spread ofRatios(double[] numerators, double[] denominators) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException("Ratios need pairs: " + numerators.length + " numerators, "
                    + denominators.length + " denominators");
        }
        double[] ratios = new double[numerators.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = numerators[i] / denominators[i];
        }
        return of(ratios);
    }

    /** "median [min-max]", each number formatted with {@code format} (e.g. {@code "%.2fx"}). */
    public String format(String format) {
        return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", median, min, max);
    }
}
