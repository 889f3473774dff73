package dev.jft.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How well confidence matches accuracy: predictions are put in equal-width bins by their top
 * probability; expected calibration error (ECE) is the example-weighted mean gap between each
 * bin's accuracy and its mean confidence.
 *
 * <pre>{@code
 * Calibration cal = Calibration.of(probabilities, truth, 10);
 * cal.expectedCalibrationError();
 * cal.bins(); // reliability diagram data
 * }</pre>
 *
 * @param bins the reliability bins, lowest confidence first (empty bins included, count 0)
 * @param total number of examples
 */
public record Calibration(List<Bin> bins, int total) {

    /**
     * One bin of a reliability diagram: confidences in {@code (lower, upper]} (the first bin
     * includes 0).
     */
    public record Bin(double lower, double upper, int count, double accuracy, double meanConfidence) {}

    /** Bins {@code probabilities[i]} (a distribution over classes) against true class {@code truth[i]}. */
    public static Calibration of(double[][] probabilities, int[] truth, int numBins) {
        Checks.sameLength(probabilities.length, truth.length, "Probability rows and labels");
        Checks.nonEmpty(truth.length, "The label list");
        if (numBins < 1) {
            throw new IllegalArgumentException("Need at least one bin, got " + numBins + ".");
        }
        int[] counts = new int[numBins];
        int[] correct = new int[numBins];
        double[] confidenceSums = new double[numBins];
        for (int i = 0; i < truth.length; i++) {
            double[] row = probabilities[i];
            Checks.labelInRange(truth[i], row.length, "True label");
            int predicted = 0;
            for (int c = 0; c < row.length; c++) {
                Checks.probability(row[c]);
                if (row[c] > row[predicted]) {
                    predicted = c;
                }
            }
            if (Math.abs(sum(row) - 1) > 1e-3) {
                throw new IllegalArgumentException("Probability row " + i + " sums to " + sum(row)
                        + ", not 1: pass each example's softmax distribution over the classes.");
            }
            double confidence = row[predicted];
            int bin = Math.max(0, (int) Math.ceil(confidence * numBins) - 1);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            correct[bin] += predicted == truth[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < numBins; b++) {
            double accuracy = counts[b] == 0 ? 0 : (double) correct[b] / counts[b];
            double confidence = counts[b] == 0 ? 0 : confidenceSums[b] / counts[b];
            bins.add(new Bin((double) b / numBins, (double) (b + 1) / numBins, counts[b], accuracy, confidence));
        }
        return new Calibration(List.copyOf(bins), truth.length);
    }

    private static double sum(double[] row) {
        double sum = 0;
        for (double p : row) {
            sum += p;
        }
        return sum;
    }

    /** ECE: {@code sum over bins of count/total * |accuracy - mean confidence|}. */
    public double expectedCalibrationError() {
        double ece = 0;
        for (Bin bin : bins) {
            ece += (double) bin.count() / total * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return ece;
    }
}
