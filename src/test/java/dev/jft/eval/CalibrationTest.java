package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    // 5 bins of width 0.2. Top probabilities and outcomes:
    //   0.90 correct, 0.85 wrong -> bin (0.8, 1]: count 2, accuracy 0.5, confidence 0.875, gap 0.375
    //   0.70 correct, 0.65 wrong -> bin (0.6, 0.8]: count 2, accuracy 0.5, confidence 0.675, gap 0.175
    // ECE = 2/4 * 0.375 + 2/4 * 0.175 = 0.275
    private static final double[][] PROBABILITIES = {{0.9, 0.1}, {0.85, 0.15}, {0.3, 0.7}, {0.35, 0.65}};
    private static final int[] TRUTH = {0, 1, 1, 0};

    @Test
    void expectedCalibrationErrorAndBins() {
        Calibration calibration = Calibration.of(PROBABILITIES, TRUTH, 5);
        assertEquals(0.275, calibration.expectedCalibrationError(), 1e-12);
        Calibration.Bin top = calibration.bins().get(4);
        assertEquals(2, top.count());
        assertEquals(0.5, top.accuracy(), 0);
        assertEquals(0.875, top.meanConfidence(), 1e-12);
        assertEquals(0.8, top.lower(), 1e-12);
        assertEquals(0, calibration.bins().get(0).count());
        assertEquals(2, calibration.bins().get(3).count());
    }

    @Test
    void perfectlyConfidentAndRightIsCalibrated() {
        assertEquals(0.0, Calibration.of(new double[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 10).expectedCalibrationError(), 0);
    }

    @Test
    void clearErrorsForBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(PROBABILITIES, new int[] {0}, 5));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new double[][] {{2.0, -1.0}}, new int[] {0}, 5));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(PROBABILITIES, new int[] {0, 1, 2, 0}, 5));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(PROBABILITIES, TRUTH, 0));
        // per-class sigmoids, not a distribution: the ECE would silently be computed on them
        IllegalArgumentException notADistribution = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new double[][] {{0.9, 0.8}}, new int[] {0}, 5));
        assertTrue(notADistribution.getMessage().contains("sums to"), notADistribution.getMessage());
    }
}
