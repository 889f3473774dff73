package dev.jft.quiz.exercises.understanding;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise understanding-mean-pooling: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MeanPoolingTest {

    static final float TOLERANCE = 1e-5f;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("one text without padding: the mean of its token vectors")
    void noPadding() {
        float[][][] hidden = {{{1, 2}, {3, 4}, {5, 9}}};
        assertPooled(new float[][] {{3, 5}}, hidden, new int[][] {{1, 1, 1}});
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("padding does not count")
    void paddingIgnored() {
        float[][][] hidden = {{{2, 4}, {4, 8}, {100, -100}}};
        assertPooled(new float[][] {{3, 6}}, hidden, new int[][] {{1, 1, 0}});
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a batch of two texts of different lengths")
    void twoTexts() {
        float[][][] hidden = {{{1, 1}, {3, 3}}, {{6, 0}, {7, 7}}};
        assertPooled(new float[][] {{2, 2}, {6, 0}}, hidden, new int[][] {{1, 1}, {1, 0}});
    }

    /** Runs the submission, failing with advice when it returns nothing usable. */
    static float[][] pool(float[][][] hidden, int[][] mask) {
        BiFunction<float[][][], int[][], float[][]> pooling = Submission.get(BiFunction.class);
        float[][] vectors = pooling.apply(hidden, mask);
        assertNotNull(vectors, "meanPooling returned null: return one vector per text");
        if (vectors.length != hidden.length) {
            fail("a batch of " + hidden.length + " texts gave " + vectors.length
                    + " vectors: return one vector per text");
        }
        return vectors;
    }

    /** Checks the pooled vectors against {@code expected}, explaining the usual mistakes. */
    static void assertPooled(float[][] expected, float[][][] hidden, int[][] mask) {
        float[][] actual = pool(hidden, mask);
        for (int b = 0; b < expected.length; b++) {
            if (actual[b] == null || actual[b].length != expected[b].length) {
                fail("text " + b + ": expected a vector of " + expected[b].length + " numbers (the hidden size), got "
                        + (actual[b] == null ? "null" : actual[b].length));
            }
            for (int d = 0; d < expected[b].length; d++) {
                if (!(Math.abs(expected[b][d] - actual[b][d]) <= TOLERANCE)) {   // NaN fails too
                    fail("text " + b + " with mask " + Arrays.toString(mask[b]) + " should pool to "
                            + Arrays.toString(expected[b]) + " but was " + Arrays.toString(actual[b])
                            + ": add up only the vectors where the mask is 1, and divide by the number of real"
                            + " tokens, not by the padded length");
                }
            }
        }
    }
}
