package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static ToDoubleFunction<int[]> meanOf(double[] values) {
        return rows -> {
            double sum = 0;
            for (int row : rows) {
                sum += values[row];
            }
            return sum / rows.length;
        };
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        // sorted [1..5]: 25th percentile at rank 0.25 * 4 = 1 -> 2; 10th at rank 0.4 -> 1 + 0.4 * (2 - 1) = 1.4
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(2.0, Bootstrap.percentile(sorted, 0.25), 1e-12);
        assertEquals(1.4, Bootstrap.percentile(sorted, 0.10), 1e-12);
        assertEquals(5.0, Bootstrap.percentile(sorted, 1.0), 1e-12);
    }

    @Test
    void intervalAroundAnAccuracyIsSeededAndPlausible() {
        double[] correct = new double[200];
        for (int i = 0; i < correct.length; i += 2) {
            correct[i] = 1; // accuracy exactly 0.5
        }
        Bootstrap.Interval a = Bootstrap.interval(correct.length, meanOf(correct), 500, 0.95, 7);
        Bootstrap.Interval b = Bootstrap.interval(correct.length, meanOf(correct), 500, 0.95, 7);
        assertEquals(a, b);
        assertNotEquals(a, Bootstrap.interval(correct.length, meanOf(correct), 500, 0.95, 8));
        assertEquals(0.5, a.estimate(), 0);
        // binomial standard error sqrt(.25 / 200) = 0.0354, so the 95% interval is about 0.5 +- 0.07
        assertTrue(a.lower() > 0.40 && a.lower() < 0.47, a.toString());
        assertTrue(a.upper() > 0.53 && a.upper() < 0.60, a.toString());
    }

    @Test
    void constantMetricHasAZeroWidthInterval() {
        Bootstrap.Interval interval = Bootstrap.interval(10, rows -> 3.0, 50, 0.9, 1);
        assertEquals(3.0, interval.lower(), 0);
        assertEquals(3.0, interval.upper(), 0);
    }

    @Test
    void clearErrorsForBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(0, rows -> 0, 10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(5, rows -> 0, 10, 95, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(5, rows -> 0, 0, 0.95, 1));
    }
}
