package dev.jft.quiz.solutions;

import java.util.function.BiFunction;

/**
 * Reference and known-wrong solutions for lesson 01-understanding-fine-tuning. They live in the
 * test tree so they never reach a notebook or the course jar; the proof tests grade them.
 */
public final class UnderstandingSolutions {

    private UnderstandingSolutions() {}

    public static final BiFunction<float[][][], int[][], float[][]> MEAN_POOLING = (hidden, mask) -> {
        if (mask.length != hidden.length) {
            throw new IllegalArgumentException("one mask row per text");
        }
        float[][] vectors = new float[hidden.length][];
        for (int b = 0; b < hidden.length; b++) {
            if (mask[b].length != hidden[b].length) {
                throw new IllegalArgumentException("text " + b + ": mask and tokens differ in length");
            }
            float[] sum = new float[hidden[b][0].length];
            int count = 0;
            for (int t = 0; t < hidden[b].length; t++) {
                if (mask[b][t] == 1) {
                    count++;
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += hidden[b][t][d];
                    }
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("text " + b + " has no real token");
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= count;
            }
            vectors[b] = sum;
        }
        return vectors;
    };

    /** The classic mistake: padding is left out of the sum but still counted in the divisor. */
    public static final BiFunction<float[][][], int[][], float[][]> MEAN_POOLING_DIVIDED_BY_LENGTH = (hidden, mask) -> {
        float[][] vectors = new float[hidden.length][hidden[0][0].length];
        for (int b = 0; b < hidden.length; b++) {
            for (int t = 0; t < hidden[b].length; t++) {
                for (int d = 0; d < vectors[b].length; d++) {
                    vectors[b][d] += mask[b][t] * hidden[b][t][d] / hidden[b].length;
                }
            }
        }
        return vectors;
    };
}
