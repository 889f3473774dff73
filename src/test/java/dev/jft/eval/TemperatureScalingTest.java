package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    /**
     * Labels drawn from softmax(z) for random z, logits reported as z * trueT: the model is
     * over-confident by exactly trueT, so the fitted temperature should be close to trueT.
     */
    private static double[][] logits;
    private static int[] truth;

    private static void synthetic(double trueTemperature, int n, long seed) {
        Random random = new Random(seed);
        logits = new double[n][3];
        truth = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                z[c] = 2 * random.nextGaussian();
                sum += Math.exp(z[c]);
            }
            double u = random.nextDouble() * sum;
            int label = 0;
            for (double acc = Math.exp(z[0]); acc < u && label < 2; acc += Math.exp(z[++label])) {
                // walk the cumulative distribution
            }
            truth[i] = label;
            for (int c = 0; c < 3; c++) {
                logits[i][c] = z[c] * trueTemperature;
            }
        }
    }

    @Test
    void recoversAKnownTemperature() {
        synthetic(2.5, 20000, 1);
        assertEquals(2.5, TemperatureScaling.fit(logits, truth).temperature(), 0.1);
        synthetic(0.5, 20000, 2);
        assertEquals(0.5, TemperatureScaling.fit(logits, truth).temperature(), 0.03);
    }

    @Test
    void neverRaisesTheNllOnTheFittingSet() {
        for (long seed = 0; seed < 20; seed++) {
            synthetic(0.3 + seed * 0.2, 50 + (int) seed * 13, seed);
            TemperatureScaling scaling = TemperatureScaling.fit(logits, truth);
            double before = TemperatureScaling.nll(logits, truth, 1);
            double after = TemperatureScaling.nll(logits, truth, scaling.temperature());
            assertTrue(after <= before + 1e-12, "seed " + seed + ": NLL rose from " + before + " to " + after);
            for (double t : new double[] {0.5 * scaling.temperature(), 2 * scaling.temperature()}) {
                assertTrue(after <= TemperatureScaling.nll(logits, truth, t) + 1e-12, "not the minimum at seed " + seed);
            }
        }
    }

    @Test
    void keepsThePredictedClassAndGivesDistributions() {
        synthetic(3, 200, 5);
        TemperatureScaling scaling = TemperatureScaling.fit(logits, truth);
        double[][] p = scaling.probabilities(logits);
        for (int i = 0; i < p.length; i++) {
            assertEquals(1, p[i][0] + p[i][1] + p[i][2], 1e-9);
            assertEquals(argmax(logits[i]), argmax(p[i]));
        }
        assertArrayEquals(new double[] {1, -2}, new TemperatureScaling(2).scale(new double[][] {{2, -4}})[0], 1e-12);
    }

    @Test
    void perfectlySeparatedDataSharpensToTheBound() {
        double[][] z = {{1, 0}, {0, 1}, {2, 0}};
        int[] y = {0, 1, 0};
        double t = TemperatureScaling.fit(z, y).temperature();
        // the NLL falls towards 0 as T -> 0; it reaches 0 in double precision well before the bound
        assertTrue(t >= TemperatureScaling.MIN_TEMPERATURE && t < 0.05, "T = " + t);
        assertTrue(TemperatureScaling.nll(z, y, t) < 1e-12);
    }

    @Test
    void rejectsBadInputClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{0.9, 0.1}, {0.2, 0.8}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("logits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{1, 2}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("different lengths"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{1, 2}, {1, 2, 3}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("Logit row 1 has 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{1, 2}}, new int[] {2}));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{1, Double.NaN}}, new int[] {0}));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[][] {{1}}, new int[] {0}));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.fit(new double[0][], new int[0]));
        e = assertThrows(IllegalArgumentException.class, () -> new TemperatureScaling(0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.nll(new double[][] {{1, 2}}, new int[] {0}, -1));
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
