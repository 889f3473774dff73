package dev.jft.eval;

/**
 * Two classifiers compared on the same test examples. Only the examples on which they disagree
 * about correctness carry information: {@code onlyFirstCorrect} (first right, second wrong) and
 * {@code onlySecondCorrect}. McNemar's exact test asks how likely a split at least this uneven
 * would be if each such example were a fair coin flip; the paired bootstrap resamples examples
 * (the same rows for both models) to give an interval for the accuracy difference.
 *
 * <pre>{@code
 * PairedComparison cmp = PairedComparison.of(truth, predictedByA, predictedByB);
 * cmp.accuracyDifference();                  // accuracy(A) - accuracy(B)
 * cmp.mcNemarPValue();                       // e.g. 0.03: unlikely to be chance alone
 * cmp.differenceInterval(2000, 0.95, 42);    // bootstrap interval of the difference
 * }</pre>
 *
 * @param correctFirst  whether the first model is right on each example
 * @param correctSecond whether the second model is right on each example
 */
public record PairedComparison(boolean[] correctFirst, boolean[] correctSecond) {

    /** Compares {@code first} and {@code second}, both predictions for the examples of {@code truth}. */
    public static PairedComparison of(int[] truth, int[] first, int[] second) {
        Checks.sameLength(truth.length, first.length, "True labels and the first model's predictions");
        Checks.sameLength(truth.length, second.length, "True labels and the second model's predictions");
        Checks.nonEmpty(truth.length, "The label list");
        boolean[] a = new boolean[truth.length];
        boolean[] b = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            a[i] = first[i] == truth[i];
            b[i] = second[i] == truth[i];
        }
        return new PairedComparison(a, b);
    }

    /** Number of examples. */
    public int size() {
        return correctFirst.length;
    }

    /** Examples the first model gets right and the second gets wrong. */
    public int onlyFirstCorrect() {
        return count(correctFirst, correctSecond, all());
    }

    /** Examples the second model gets right and the first gets wrong. */
    public int onlySecondCorrect() {
        return count(correctSecond, correctFirst, all());
    }

    /** {@code accuracy(first) - accuracy(second)}. */
    public double accuracyDifference() {
        return difference(all());
    }

    /**
     * Two-sided exact McNemar p-value: with {@code n} discordant examples and {@code k} the smaller
     * count, {@code min(1, 2 * P(Binomial(n, 1/2) <= k))}; 1 when the models never disagree.
     */
    public double mcNemarPValue() {
        int b = onlyFirstCorrect();
        int c = onlySecondCorrect();
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        double logHalfPowN = n * Math.log(0.5);
        double tail = 0;
        double logChoose = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            tail += Math.exp(logChoose + logHalfPowN);
        }
        return Math.min(1, 2 * tail);
    }

    /** Paired percentile-bootstrap interval of {@link #accuracyDifference()}. */
    public Bootstrap.Interval differenceInterval(int resamples, double level, long seed) {
        return Bootstrap.interval(size(), this::difference, resamples, level, seed);
    }

    private double difference(int[] rows) {
        return (double) (count(correctFirst, correctSecond, rows) - count(correctSecond, correctFirst, rows)) / rows.length;
    }

    private static int count(boolean[] right, boolean[] wrong, int[] rows) {
        int n = 0;
        for (int i : rows) {
            n += right[i] && !wrong[i] ? 1 : 0;
        }
        return n;
    }

    private int[] all() {
        int[] rows = new int[size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
