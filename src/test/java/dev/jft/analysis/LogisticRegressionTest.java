package dev.jft.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void recoversTheWeightsOfALogisticModel() {
        // P(y = 1) = sigmoid(2 x0 - 1 x1 + 0.5), x ~ N(0, 1): with standardised features the fitted
        // log-odds should match the true ones closely on fresh points.
        Random random = new Random(4);
        int n = 20000;
        float[][] x = new float[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) random.nextGaussian();
            x[i][1] = (float) random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(2 * x[i][0] - x[i][1] + 0.5)));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        LogisticRegression model = LogisticRegression.fit(x, y, 0, 500);
        double[] logits = model.logits(new float[][] {{0, 0}, {1, 0}, {0, 1}});
        assertEquals(0.5, logits[0], 0.1);
        assertEquals(2.5, logits[1], 0.15);
        assertEquals(-0.5, logits[2], 0.15);
        assertEquals(2, model.dimension());
    }

    @Test
    void separatesCorrelatedHighDimensionalFeaturesWithoutDiverging() {
        Random random = new Random(9);
        int n = 400;
        int d = 100;
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double shared = random.nextGaussian() * 5;   // one strong common direction: ill-conditioned
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (shared + random.nextGaussian() + (j < 5 && y[i] == 1 ? 1.5 : 0));
            }
        }
        LogisticRegression model = LogisticRegression.fit(x, y, 1e-3, 300);
        int[] predicted = model.predict(x);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += predicted[i] == y[i] ? 1 : 0;
        }
        assertTrue(correct > 0.85 * n, "training accuracy " + correct + " / " + n);
        for (double p : model.probabilities(x)) {
            assertTrue(p >= 0 && p <= 1 && !Double.isNaN(p));
        }
        assertArrayEquals(model.logits(x), LogisticRegression.fit(x, y, 1e-3, 300).logits(x), 0, "deterministic");
    }

    @Test
    void constantFeaturesAreHarmless() {
        float[][] x = {{1, 0}, {1, 1}, {1, 0}, {1, 1}};
        LogisticRegression model = LogisticRegression.fit(x, new int[] {0, 1, 0, 1}, 0.01, 200);
        assertArrayEquals(new int[] {0, 1}, model.predict(new float[][] {{1, 0}, {1, 1}}));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(new float[][] {{1}, {2}}, new int[] {0, 2}, 0, 10));
        assertTrue(e.getMessage().contains("0 or 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(new float[][] {{1}, {2, 3}}, new int[] {0, 1}, 0, 10));
        assertTrue(e.getMessage().contains("Row 1 has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new float[][] {{1}}, new int[] {0, 1}, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new float[][] {{1}}, new int[] {0}, -1, 10));
        LogisticRegression model = LogisticRegression.fit(new float[][] {{1, 2}, {2, 1}}, new int[] {0, 1}, 0, 10);
        e = assertThrows(IllegalArgumentException.class, () -> model.logits(new float[][] {{1}}));
        assertTrue(e.getMessage().contains("fitted on 2"), e.getMessage());
    }
}
