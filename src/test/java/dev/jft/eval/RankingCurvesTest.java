package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingCurvesTest {

    // truth  0    0    1     1
    // score  0.1  0.4  0.35  0.8
    // by falling score: 0.8 (pos), 0.4 (neg), 0.35 (pos), 0.1 (neg)
    // ROC points (fpr, tpr): (0,0) (0,.5) (.5,.5) (.5,1) (1,1); area = .5*.5 + .5*1 = 0.75
    //   (= fraction of positive/negative pairs ranked right: 0.8 > both, 0.35 > 0.1 only -> 3/4)
    // PR: 0.8 -> P 1, R .5; 0.4 -> P .5, R .5; 0.35 -> P 2/3, R 1; 0.1 -> P .5, R 1
    //   AP = (.5 - 0) * 1 + 0 * .5 + (1 - .5) * 2/3 + 0 = 0.833333
    private static final int[] TRUTH = {0, 0, 1, 1};
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};

    @Test
    void rocPointsAndArea() {
        RocCurve roc = RocCurve.of(TRUTH, SCORES);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.falsePositiveRates(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.truePositiveRates(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0]);
        assertEquals(0.75, roc.auc(), 1e-12);
    }

    @Test
    void precisionRecallPointsAndAveragePrecision() {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(TRUTH, SCORES);
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.5}, pr.precisions(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, pr.recalls(), 1e-12);
        assertEquals(0.833333, pr.averagePrecision(), 1e-6);
    }

    @Test
    void tiedScoresFormOnePoint() {
        // both examples at 0.5: the only step goes from (0,0) straight to (1,1): AUC 0.5
        RocCurve roc = RocCurve.of(new int[] {1, 0}, new double[] {0.5, 0.5});
        assertEquals(2, roc.truePositiveRates().length);
        assertEquals(0.5, roc.auc(), 1e-12);
        assertEquals(1.0, RocCurve.of(new int[] {0, 1}, new double[] {0.2, 0.9}).auc(), 1e-12);
    }

    @Test
    void clearErrorsForBadInput() {
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {1, 1}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecallCurve.of(new int[] {0, 0}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {0, 1}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}));
    }
}
