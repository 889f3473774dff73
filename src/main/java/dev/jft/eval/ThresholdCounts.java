package dev.jft.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Cumulative true and false positives when predicting "positive" for every score at or above each
 * distinct threshold, thresholds in decreasing order: the common ground of ROC and PR curves.
 */
record ThresholdCounts(double[] thresholds, long[] truePositives, long[] falsePositives, long positives, long negatives) {

    static ThresholdCounts of(int[] truth, double[] scores) {
        Checks.sameLength(truth.length, scores.length, "Labels and scores");
        Checks.nonEmpty(truth.length, "The label list");
        Integer[] order = new Integer[truth.length];
        long positives = 0;
        for (int i = 0; i < truth.length; i++) {
            Checks.binary(truth[i]);
            Checks.finite(scores[i], "Every score");
            order[i] = i;
            positives += truth[i];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] thresholds = new double[truth.length];
        long[] tp = new long[truth.length];
        long[] fp = new long[truth.length];
        int distinct = 0;
        long tpSoFar = 0;
        long fpSoFar = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            tpSoFar += truth[i];
            fpSoFar += 1 - truth[i];
            boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                thresholds[distinct] = scores[i];
                tp[distinct] = tpSoFar;
                fp[distinct] = fpSoFar;
                distinct++;
            }
        }
        return new ThresholdCounts(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tp, distinct),
                Arrays.copyOf(fp, distinct), positives, truth.length - positives);
    }

    int size() {
        return thresholds.length;
    }
}
