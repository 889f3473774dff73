package dev.jft.eval;

/**
 * The receiver operating characteristic of a binary scorer: false positive rate against true
 * positive rate as the threshold falls, and the area under it (ROC-AUC, trapezoids).
 *
 * <pre>{@code
 * RocCurve roc = RocCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
 * roc.auc(); // 0.75
 * }</pre>
 *
 * @param falsePositiveRates x of each point, starting at 0
 * @param truePositiveRates y of each point, starting at 0
 * @param thresholds score threshold of each point (the first point, +infinity, predicts nothing)
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {

    /** The curve for binary labels (1 = positive) and scores (higher = more positive). */
    public static RocCurve of(int[] truth, double[] scores) {
        ThresholdCounts counts = ThresholdCounts.of(truth, scores);
        if (counts.positives() == 0 || counts.negatives() == 0) {
            throw new IllegalArgumentException("ROC needs both classes among the labels, got only "
                    + (counts.positives() == 0 ? "negatives" : "positives") + ".");
        }
        int n = counts.size() + 1;
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        double[] thresholds = new double[n];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            fpr[k] = (double) counts.falsePositives()[k - 1] / counts.negatives();
            tpr[k] = (double) counts.truePositives()[k - 1] / counts.positives();
            thresholds[k] = counts.thresholds()[k - 1];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Area under the curve: the chance that a random positive scores above a random negative. */
    public double auc() {
        double area = 0;
        for (int k = 1; k < falsePositiveRates.length; k++) {
            area += (falsePositiveRates[k] - falsePositiveRates[k - 1])
                    * (truePositiveRates[k] + truePositiveRates[k - 1]) / 2;
        }
        return area;
    }
}
