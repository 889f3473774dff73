package dev.jft.analysis;

import java.util.Arrays;

/**
 * A linear classifier on fixed vectors (softmax regression): the cheapest way to ask how much of a
 * task frozen sentence embeddings already contain. Features are standardised with the training
 * set's mean and standard deviation; the weights start at zero and are fitted by full-batch
 * gradient descent on the cross-entropy with a small L2 penalty, so the same data always gives the
 * same probe (no seed, no randomness).
 *
 * <pre>{@code
 * float[][] train = embeddings.embed(trainTexts);
 * LinearProbe probe = LinearProbe.fit(train, trainLabels, 2);
 * double accuracy = probe.accuracy(embeddings.embed(testTexts), testLabels);
 * }</pre>
 */
public final class LinearProbe {

    /** Gradient-descent steps of {@link #fit(float[][], int[], int)}. */
    public static final int STEPS = 300;
    /** Learning rate of {@link #fit(float[][], int[], int)} (on standardised features). */
    public static final double LEARNING_RATE = 0.5;
    /** L2 penalty of {@link #fit(float[][], int[], int)}. */
    public static final double L2 = 1e-3;

    private final double[] mean;
    private final double[] scale;
    private final double[][] weights; // [classes][dimension + 1], the last column the bias

    private LinearProbe(double[] mean, double[] scale, double[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /** Fits with the default steps, learning rate and L2 penalty. */
    public static LinearProbe fit(float[][] vectors, int[] labels, int classes) {
        return fit(vectors, labels, classes, STEPS, LEARNING_RATE, L2);
    }

    /**
     * Fits a probe.
     *
     * @param vectors one row per example, all of one length
     * @param labels  the class of each row, 0 to {@code classes - 1}
     * @throws IllegalArgumentException for no rows, rows of different lengths, a label out of range
     *                                  or labels and rows of different counts
     */
    public static LinearProbe fit(float[][] vectors, int[] labels, int classes, int steps, double learningRate,
                                  double l2) {
        if (vectors.length == 0 || vectors.length != labels.length) {
            throw new IllegalArgumentException("Give at least one vector and one label per vector, got "
                    + vectors.length + " vectors and " + labels.length + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("A probe needs at least 2 classes, got " + classes);
        }
        int n = vectors.length;
        int d = vectors[0].length;
        for (int i = 0; i < n; i++) {
            if (vectors[i].length != d) {
                throw new IllegalArgumentException("Vector " + i + " has " + vectors[i].length + " numbers, vector 0 has " + d);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("Label " + labels[i] + " of row " + i + " is outside 0.." + (classes - 1));
            }
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / (double) n;
            }
        }
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = standardise(vectors[i], mean, scale);
        }
        double[][] w = new double[classes][d + 1];
        double[][] gradient = new double[classes][d + 1];
        double[] p = new double[classes];
        for (int step = 0; step < steps; step++) {
            for (double[] g : gradient) {
                Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                probabilities(w, x[i], p);
                for (int c = 0; c < classes; c++) {
                    double error = (p[c] - (labels[i] == c ? 1 : 0)) / n;
                    double[] g = gradient[c];
                    for (int j = 0; j < d; j++) {
                        g[j] += error * x[i][j];
                    }
                    g[d] += error;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    double decay = j < d ? l2 * w[c][j] : 0;   // the bias is not penalised
                    w[c][j] -= learningRate * (gradient[c][j] + decay);
                }
            }
        }
        return new LinearProbe(mean, scale, w);
    }

    private static double[] standardise(float[] v, double[] mean, double[] scale) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (v[j] - mean[j]) / scale[j];
        }
        return out;
    }

    private static void probabilities(double[][] w, double[] x, double[] p) {
        int d = x.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = w[c][d];
            for (int j = 0; j < d; j++) {
                z += w[c][j] * x[j];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /** Class probabilities of one vector. */
    public double[] probabilities(float[] vector) {
        if (vector.length != mean.length) {
            throw new IllegalArgumentException("The probe was fitted on vectors of " + mean.length
                    + " numbers, got " + vector.length);
        }
        double[] p = new double[weights.length];
        probabilities(weights, standardise(vector, mean, scale), p);
        return p;
    }

    /** The most probable class of one vector. */
    public int predict(float[] vector) {
        double[] p = probabilities(vector);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Share of rows whose predicted class is their label. */
    public double accuracy(float[][] vectors, int[] labels) {
        if (vectors.length == 0 || vectors.length != labels.length) {
            throw new IllegalArgumentException("Give at least one vector and one label per vector, got "
                    + vectors.length + " vectors and " + labels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < vectors.length; i++) {
            right += predict(vectors[i]) == labels[i] ? 1 : 0;
        }
        return (double) right / vectors.length;
    }
}
