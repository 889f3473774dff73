package dev.jft.quiz.solutions;

import java.util.function.Function;

/**
 * Reference and known-wrong solutions for lesson 05-evaluation. They live in the test tree so they
 * never reach a notebook or the course jar; the proof tests grade them.
 */
public final class EvaluationSolutions {

    private EvaluationSolutions() {}

    public static final Function<int[][], double[][]> CLASS_METRICS = counts -> {
        int k = counts.length;
        for (int[] row : counts) {
            if (row.length != k) {
                throw new IllegalArgumentException("the matrix must be square");
            }
            for (int count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("counts cannot be negative");
                }
            }
        }
        double[][] out = new double[k + 1][3];
        for (int c = 0; c < k; c++) {
            long predicted = 0;
            long actual = 0;
            for (int other = 0; other < k; other++) {
                predicted += counts[other][c];
                actual += counts[c][other];
            }
            double precision = predicted == 0 ? 0 : (double) counts[c][c] / predicted;
            double recall = actual == 0 ? 0 : (double) counts[c][c] / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out[c] = new double[] {precision, recall, f1};
            for (int m = 0; m < 3; m++) {
                out[k][m] += out[c][m] / k;
            }
        }
        return out;
    };

    /** The classic mistake: 0/0 left as NaN (a class never predicted), which poisons the macro average. */
    public static final Function<int[][], double[][]> CLASS_METRICS_WITHOUT_ZERO_DIVISION = counts -> {
        int k = counts.length;
        double[][] out = new double[k + 1][3];
        for (int c = 0; c < k; c++) {
            double predicted = 0;
            double actual = 0;
            for (int other = 0; other < k; other++) {
                predicted += counts[other][c];
                actual += counts[c][other];
            }
            double precision = counts[c][c] / predicted;
            double recall = counts[c][c] / actual;
            out[c] = new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
            for (int m = 0; m < 3; m++) {
                out[k][m] += out[c][m] / k;
            }
        }
        return out;
    };
}
