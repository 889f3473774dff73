package dev.jft.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /** Two Gaussian clouds in 5 dimensions, centred at -shift and +shift on the first axis. */
    static float[][] clouds(int n, double shift, int[] labels, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][5];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) (random.nextGaussian() + (j == 0 ? (labels[i] == 1 ? shift : -shift) : 0));
            }
        }
        return x;
    }

    @Test
    void separatesSeparableData() {
        int[] y = new int[200];
        float[][] x = clouds(200, 4, y, 1);
        int[] testY = new int[100];
        float[][] test = clouds(100, 4, testY, 2);
        LinearProbe probe = LinearProbe.fit(x, y, 2);
        assertEquals(1.0, probe.accuracy(x, y), 1e-9);
        assertTrue(probe.accuracy(test, testY) > 0.97);
    }

    @Test
    void overlappingCloudsGiveTheBayesRateRoughly() {
        int[] y = new int[2000];
        float[][] x = clouds(2000, 0.5, y, 3);
        int[] testY = new int[2000];
        float[][] test = clouds(2000, 0.5, testY, 4);
        double accuracy = LinearProbe.fit(x, y, 2).accuracy(test, testY);
        assertEquals(0.69, accuracy, 0.04);   // Phi(0.5) = 0.691
    }

    @Test
    void threeClassesAndProbabilities() {
        float[][] x = {{0, 0}, {0, 0.1f}, {5, 0}, {5, 0.1f}, {0, 5}, {0.1f, 5}};
        int[] y = {0, 0, 1, 1, 2, 2};
        LinearProbe probe = LinearProbe.fit(x, y, 3);
        assertEquals(1.0, probe.accuracy(x, y), 1e-9);
        double[] p = probe.probabilities(new float[] {5, 0});
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        assertTrue(p[1] > 0.5);
    }

    @Test
    void deterministic() {
        int[] y = new int[100];
        float[][] x = clouds(100, 1, y, 5);
        assertArrayEquals(LinearProbe.fit(x, y, 2).probabilities(x[3]), LinearProbe.fit(x, y, 2).probabilities(x[3]));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(new float[0][], new int[0], 2))
                .getMessage().contains("at least one vector"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(new float[][] {{1}, {2}}, new int[] {0, 2}, 2)).getMessage().contains("outside 0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(new float[][] {{1}, {2, 3}}, new int[] {0, 1}, 2)).getMessage().contains("vector 0 has 1"));
        LinearProbe probe = LinearProbe.fit(new float[][] {{1}, {2}}, new int[] {0, 1}, 2);
        assertThrows(IllegalArgumentException.class, () -> probe.predict(new float[] {1, 2}));
    }
}
