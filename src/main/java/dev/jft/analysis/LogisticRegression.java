package dev.jft.analysis;

import java.util.Arrays;

/**
 * Binary logistic regression on fixed feature vectors (cached sentence embeddings, bag-of-words
 * counts): {@code P(class 1 | x) = sigmoid(w . z + b)} with {@code z} the features standardised by
 * the training set's mean and standard deviation, fitted by full-batch gradient descent on the mean
 * cross-entropy plus an L2 penalty {@code l2/2 * |w|^2}, with step {@code 1/L} ({@code L} the gradient's
 * Lipschitz constant, from the features' largest covariance eigenvalue). Deterministic: same data, same model.
 *
 * <p>On cached embeddings this is a linear probe in seconds: the frozen encoder runs once per
 * text instead of once per epoch.
 *
 * <pre>{@code
 * LogisticRegression probe = LogisticRegression.fit(trainVectors, trainLabels, 1e-3, 300);
 * double[] scores = probe.logits(testVectors);       // log-odds of class 1
 * double[] p = probe.probabilities(testVectors);    // P(class 1)
 * }</pre>
 */
public final class LogisticRegression {

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Fits on rows {@code x} (all the same length) with labels 0 or 1, L2 strength {@code l2 >= 0},
     * and {@code iterations} gradient steps on the standardised features.
     */
    public static LogisticRegression fit(float[][] x, int[] y, double l2, int iterations) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("Give one label per row and at least one row, got " + x.length
                    + " rows and " + y.length + " labels.");
        }
        if (!(l2 >= 0) || iterations < 1) {
            throw new IllegalArgumentException("l2 must be >= 0 and iterations >= 1, got " + l2 + " and " + iterations + ".");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("Row " + i + " has " + x[i].length + " features, row 0 has " + d + ".");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("Labels must be 0 or 1, label " + i + " is " + y[i] + ".");
            }
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) x.length;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.pow(row[j] - mean[j], 2) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] z = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[] w = new double[d];
        double b = 0;
        // 1 / the Lipschitz constant of the gradient (the bias acts as a centred feature of eigenvalue 1): never diverges
        double step = 1 / (Math.max(1, largestEigenvalue(z)) / 4 + l2);
        double[] gradient = new double[d];
        for (int t = 0; t < iterations; t++) {
            Arrays.fill(gradient, 0);
            double gradientBias = 0;
            for (int i = 0; i < z.length; i++) {
                double error = sigmoid(dot(w, z[i]) + b) - y[i];
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * z[i][j];
                }
                gradientBias += error;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= step * (gradient[j] / z.length + l2 * w[j]);
            }
            b -= step * gradientBias / z.length;
        }
        return new LogisticRegression(mean, scale, w, b);
    }

    /** Number of features the model expects. */
    public int dimension() {
        return weights.length;
    }

    /** Log-odds of class 1 for each row. */
    public double[] logits(float[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != weights.length) {
                throw new IllegalArgumentException("Row " + i + " has " + x[i].length + " features; the model was fitted on "
                        + weights.length + ".");
            }
            double sum = bias;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * (x[i][j] - mean[j]) / scale[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** {@code P(class 1)} for each row. */
    public double[] probabilities(float[][] x) {
        double[] out = logits(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = sigmoid(out[i]);
        }
        return out;
    }

    /** The predicted class (1 when {@code P(class 1) >= 0.5}) for each row. */
    public int[] predict(float[][] x) {
        return Arrays.stream(logits(x)).mapToInt(s -> s >= 0 ? 1 : 0).toArray();
    }

    /** Largest eigenvalue of {@code z^T z / n} by power iteration. */
    private static double largestEigenvalue(double[][] z) {
        int d = z[0].length;
        double[] v = new double[d];
        Arrays.fill(v, 1 / Math.sqrt(d));
        double eigenvalue = 0;
        for (int t = 0; t < 30; t++) {
            double[] next = new double[d];
            for (double[] row : z) {
                double projection = dot(v, row);
                for (int j = 0; j < d; j++) {
                    next[j] += projection * row[j] / z.length;
                }
            }
            eigenvalue = Math.sqrt(dot(next, next));
            if (eigenvalue == 0) {
                return 0;
            }
            for (int j = 0; j < d; j++) {
                v[j] = next[j] / eigenvalue;
            }
        }
        return eigenvalue * 1.05;   // a little above the estimate, which approaches from below
    }

    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    private static double dot(double[] w, double[] z) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * z[j];
        }
        return sum;
    }
}
