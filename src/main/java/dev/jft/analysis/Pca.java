package dev.jft.analysis;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal component analysis, fitted by the singular value decomposition of Apache Commons Math
 * on the mean-centred data: the components are the directions of largest variance, in decreasing
 * order, and each one's explained-variance ratio is its share of the total variance.
 *
 * <p>Signs are fixed so that each component's largest-magnitude coordinate is positive (as
 * scikit-learn does), so the same data always gives the same picture.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(embeddings, 2);            // float[n][d] or double[n][d]
 * double[][] xy = pca.transform(embeddings);   // [n][2], ready for a scatter chart
 * double[] share = pca.explainedVarianceRatio(); // e.g. [0.12, 0.07]
 * }</pre>
 */
public final class Pca {

    private final double[] mean;
    private final double[][] components; // [k][d]
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;

    private Pca(double[] mean, double[][] components, double[] explainedVariance, double[] ratio) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = ratio;
    }

    /** Fits {@code count} components to the rows of {@code data} (at least 2 rows, all of one length). */
    public static Pca fit(float[][] data, int count) {
        return fit(toDouble(data), count);
    }

    /** Fits {@code count} components to the rows of {@code data} (at least 2 rows, all of one length). */
    public static Pca fit(double[][] data, int count) {
        int n = data.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
        }
        int d = data[0].length;
        int max = Math.min(n, d);
        if (count < 1 || count > max) {
            throw new IllegalArgumentException("count must be in [1, " + max + "] for " + n + " rows of " + d
                    + " values, got " + count);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("Row " + i + " has " + data[i].length + " values, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += data[i][j] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = data[i][j] - mean[j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
        double[] singular = svd.getSingularValues(); // decreasing
        RealMatrix v = svd.getV();                   // [d][min(n, d)], columns are directions
        double total = 0;
        for (double s : singular) {
            total += s * s;
        }
        double[][] components = new double[count][];
        double[] variance = new double[count];
        double[] ratio = new double[count];
        for (int c = 0; c < count; c++) {
            double[] direction = v.getColumn(c);
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(direction[j]) > Math.abs(direction[largest])) {
                    largest = j;
                }
            }
            if (direction[largest] < 0) {
                for (int j = 0; j < d; j++) {
                    direction[j] = -direction[j];
                }
            }
            components[c] = direction;
            double s = c < singular.length ? singular[c] : 0;
            variance[c] = s * s / (n - 1);
            ratio[c] = total == 0 ? 0 : s * s / total;
        }
        return new Pca(mean, components, variance, ratio);
    }

    /** The rows of {@code data} in component coordinates: [n][count]. */
    public double[][] transform(float[][] data) {
        return transform(toDouble(data));
    }

    /** The rows of {@code data} in component coordinates: [n][count]. */
    public double[][] transform(double[][] data) {
        double[][] out = new double[data.length][components.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != mean.length) {
                throw new IllegalArgumentException("Row " + i + " has " + data[i].length + " values, the PCA was"
                        + " fitted on " + mean.length);
            }
            for (int c = 0; c < components.length; c++) {
                double sum = 0;
                for (int j = 0; j < mean.length; j++) {
                    sum += (data[i][j] - mean[j]) * components[c][j];
                }
                out[i][c] = sum;
            }
        }
        return out;
    }

    /** Number of components kept. */
    public int count() {
        return components.length;
    }

    /** The component directions (unit vectors), largest variance first: [count][d]. */
    public double[][] components() {
        double[][] copy = new double[components.length][];
        for (int c = 0; c < components.length; c++) {
            copy[c] = components[c].clone();
        }
        return copy;
    }

    /** The mean that was subtracted before projecting. */
    public double[] mean() {
        return mean.clone();
    }

    /** Variance of the data along each component (sample variance, divided by n - 1). */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each component's share of the total variance; all shares of a full fit sum to 1. */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    @Override
    public String toString() {
        return "Pca[" + components.length + " of " + mean.length + " dimensions, explained variance ratio "
                + Arrays.toString(explainedVarianceRatio) + "]";
    }

    private static double[][] toDouble(float[][] data) {
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = new double[data[i].length];
            for (int j = 0; j < data[i].length; j++) {
                out[i][j] = data[i][j];
            }
        }
        return out;
    }
}
