package dev.jft.eval;

/**
 * Temperature scaling (Guo et al., 2017): divide every logit by one number {@code T > 0}, fitted
 * on held-out (validation) examples by minimising the negative log-likelihood, then applied
 * unchanged to new (test) logits. {@code T > 1} softens over-confident probabilities, {@code T < 1}
 * sharpens under-confident ones. The predicted class never changes (dividing by a positive number
 * keeps the largest logit the largest), so accuracy, precision, recall and ROC-AUC stay the same;
 * only the probabilities, and so calibration, change.
 *
 * <p>The NLL is convex in {@code 1/T}, so a golden-section search over {@code 1/T} finds its
 * minimum; the fit never returns a temperature whose NLL on the fitting set is above that of
 * {@code T = 1}.
 *
 * <pre>{@code
 * TemperatureScaling scaling = TemperatureScaling.fit(validationLogits, validationTruth);
 * scaling.temperature();                                  // e.g. 1.8: the model was over-confident
 * double[][] calibrated = scaling.probabilities(testLogits);
 * Calibration.of(calibrated, testTruth, 10).expectedCalibrationError();
 * }</pre>
 *
 * @param temperature the fitted {@code T}, positive
 */
public record TemperatureScaling(double temperature) {

    /** Smallest and largest temperature searched. */
    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;

    public TemperatureScaling {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("A temperature must be positive and finite, got " + temperature + ".");
        }
    }

    /**
     * Fits {@code T} on {@code logits[i]} (one row of raw class scores per example; log-probabilities
     * work too) against true classes {@code truth[i]}.
     */
    public static TemperatureScaling fit(double[][] logits, int[] truth) {
        check(logits, truth);
        double lo = 1 / MAX_TEMPERATURE;
        double hi = 1 / MIN_TEMPERATURE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = nllAtInverse(logits, truth, a);
        double fb = nllAtInverse(logits, truth, b);
        while (hi - lo > 1e-9 * Math.max(1, lo)) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = nllAtInverse(logits, truth, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = nllAtInverse(logits, truth, b);
            }
        }
        double inverse = (lo + hi) / 2;
        if (nllAtInverse(logits, truth, inverse) > nllAtInverse(logits, truth, 1)) {
            inverse = 1;
        }
        return new TemperatureScaling(1 / inverse);
    }

    /** Mean negative log-likelihood (nats) of {@code truth} under {@code softmax(logits / temperature)}. */
    public static double nll(double[][] logits, int[] truth, double temperature) {
        check(logits, truth);
        new TemperatureScaling(temperature);
        return nllAtInverse(logits, truth, 1 / temperature);
    }

    /** {@code logits / T}, a new array. */
    public double[][] scale(double[][] logits) {
        checkRows(logits);
        double[][] scaled = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = new double[logits[i].length];
            for (int c = 0; c < logits[i].length; c++) {
                scaled[i][c] = logits[i][c] / temperature;
            }
        }
        return scaled;
    }

    /** {@code softmax(logits / T)} row by row: calibrated probabilities. */
    public double[][] probabilities(double[][] logits) {
        double[][] scaled = scale(logits);
        for (double[] row : scaled) {
            softmaxInPlace(row);
        }
        return scaled;
    }

    private static double nllAtInverse(double[][] logits, int[] truth, double inverse) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] row = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double z : row) {
                max = Math.max(max, inverse * z);
            }
            double sumExp = 0;
            for (double z : row) {
                sumExp += Math.exp(inverse * z - max);
            }
            sum += max + Math.log(sumExp) - inverse * row[truth[i]];
        }
        return sum / logits.length;
    }

    private static void softmaxInPlace(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : row) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
            row[c] = Math.exp(row[c] - max);
            sum += row[c];
        }
        for (int c = 0; c < row.length; c++) {
            row[c] /= sum;
        }
    }

    private static void check(double[][] logits, int[] truth) {
        Checks.sameLength(logits.length, truth.length, "Logit rows and labels");
        Checks.nonEmpty(truth.length, "The label list");
        checkRows(logits);
        boolean allLookLikeProbabilities = true;
        for (int i = 0; i < logits.length; i++) {
            Checks.labelInRange(truth[i], logits[i].length, "True label");
            double sum = 0;
            for (double z : logits[i]) {
                allLookLikeProbabilities &= z >= 0 && z <= 1;
                sum += z;
            }
            allLookLikeProbabilities &= Math.abs(sum - 1) < 1e-6;
        }
        if (allLookLikeProbabilities) {
            throw new IllegalArgumentException("Every row is a probability distribution: temperature scaling divides"
                    + " logits (the model's raw scores before softmax), so pass those, or Math.log of the probabilities.");
        }
    }

    private static void checkRows(double[][] logits) {
        Checks.nonEmpty(logits.length, "The logit list");
        int classes = logits[0] == null ? 0 : logits[0].length;
        if (classes < 2) {
            throw new IllegalArgumentException("Each logit row needs at least 2 classes, row 0 has " + classes + ".");
        }
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] == null || logits[i].length != classes) {
                throw new IllegalArgumentException("Logit row " + i + " has " + (logits[i] == null ? "no" : logits[i].length)
                        + " entries, row 0 has " + classes + ": give every example one score per class.");
            }
            for (double z : logits[i]) {
                Checks.finite(z, "Every logit (row " + i + ")");
            }
        }
    }
}
