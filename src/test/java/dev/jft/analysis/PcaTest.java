package dev.jft.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsOnALineHaveAllTheirVarianceInTheFirstComponent() {
        double[][] points = new double[20][];
        for (int i = 0; i < points.length; i++) {
            double t = i - 7.5;
            points[i] = new double[] {1 + 3 * t, -3, 0.5 - 4 * t}; // 5 t along (0.6, 0, -0.8)
        }
        Pca pca = Pca.fit(points, 3);
        double[] ratio = pca.explainedVarianceRatio();
        assertEquals(1.0, ratio[0], 1e-12);
        assertEquals(0.0, ratio[1], 1e-12);
        assertEquals(0.0, ratio[2], 1e-12);
        double[] first = pca.components()[0];
        // the line's direction, its largest-magnitude coordinate made positive
        assertArrayEquals(new double[] {-0.6, 0, 0.8}, first, 1e-12);
        // the projection is the signed distance from the mean (t = 2) along that direction: -5 (t - 2)
        double[][] xy = pca.transform(points);
        assertEquals(-5 * (-7.5 - 2), xy[0][0], 1e-9);
        assertEquals(0.0, xy[0][1], 1e-9);
    }

    @Test
    void ratiosOfAFullFitSumToOneAndVarianceMatchesTheData() {
        Random random = new Random(3);
        double[][] data = new double[50][5];
        for (double[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        Pca pca = Pca.fit(data, 5);
        assertEquals(1.0, Arrays.stream(pca.explainedVarianceRatio()).sum(), 1e-12);
        double[] ratio = pca.explainedVarianceRatio();
        for (int c = 1; c < ratio.length; c++) {
            assertTrue(ratio[c - 1] >= ratio[c], Arrays.toString(ratio));
        }
        // total variance is preserved: sum of component variances = sum of per-column sample variances
        double columns = 0;
        for (int j = 0; j < 5; j++) {
            double mean = 0;
            for (double[] row : data) {
                mean += row[j] / data.length;
            }
            for (double[] row : data) {
                columns += (row[j] - mean) * (row[j] - mean) / (data.length - 1);
            }
        }
        assertEquals(columns, Arrays.stream(pca.explainedVariance()).sum(), 1e-9);
        // projected coordinates have the component variances and are centred
        double[][] projected = pca.transform(data);
        double var0 = Arrays.stream(projected).mapToDouble(p -> p[0] * p[0]).sum() / (data.length - 1);
        assertEquals(pca.explainedVariance()[0], var0, 1e-9);
    }

    @Test
    void moreDimensionsThanRowsAndFloatInputWork() {
        Random random = new Random(5);
        float[][] data = new float[6][40];
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        Pca pca = Pca.fit(data, 2);
        assertEquals(2, pca.transform(data)[0].length);
        Pca full = Pca.fit(data, 6);
        assertEquals(1.0, Arrays.stream(full.explainedVarianceRatio()).sum(), 1e-9);
        assertEquals(0.0, full.explainedVarianceRatio()[5], 1e-9); // 6 centred rows span 5 dimensions
        assertArrayEquals(pca.components()[0], Pca.fit(data, 2).components()[0], 0.0); // deterministic
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}}, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(new double[][] {{1, 2}, {3, 4}}, 3));
        assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}, {3}}, 1));
    }
}
