package dev.jft.eval;

/**
 * Precision against recall of a binary scorer as the threshold falls, and its summary, average
 * precision (PR-AUC as scikit-learn computes it: {@code sum (R_k - R_{k-1}) * P_k}, no interpolation).
 *
 * <pre>{@code
 * PrecisionRecallCurve pr = PrecisionRecallCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
 * pr.averagePrecision(); // 0.833
 * }</pre>
 *
 * @param precisions precision at each threshold, highest threshold first
 * @param recalls recall at each threshold, rising
 * @param thresholds the distinct scores, decreasing
 */
public record PrecisionRecallCurve(double[] precisions, double[] recalls, double[] thresholds) {

    /** The curve for binary labels (1 = positive) and scores (higher = more positive). */
    public static PrecisionRecallCurve of(int[] truth, double[] scores) {
        ThresholdCounts counts = ThresholdCounts.of(truth, scores);
        if (counts.positives() == 0) {
            throw new IllegalArgumentException("Precision-recall needs at least one positive label (1), got none.");
        }
        int n = counts.size();
        double[] precisions = new double[n];
        double[] recalls = new double[n];
        for (int k = 0; k < n; k++) {
            long tp = counts.truePositives()[k];
            precisions[k] = (double) tp / (tp + counts.falsePositives()[k]);
            recalls[k] = (double) tp / counts.positives();
        }
        return new PrecisionRecallCurve(precisions, recalls, counts.thresholds().clone());
    }

    /** Average precision: precision at each threshold weighted by the recall it adds. */
    public double averagePrecision() {
        double sum = 0;
        double previousRecall = 0;
        for (int k = 0; k < recalls.length; k++) {
            sum += (recalls[k] - previousRecall) * precisions[k];
            previousRecall = recalls[k];
        }
        return sum;
    }
}
