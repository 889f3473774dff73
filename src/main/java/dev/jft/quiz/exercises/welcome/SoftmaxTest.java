package dev.jft.quiz.exercises.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise welcome-softmax: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SoftmaxTest {

    static final double TOLERANCE = 1e-4;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("probabilities sum to 1")
    void sumsToOne() {
        double[] probabilities = softmax(1, 2, 3);
        double sum = Arrays.stream(probabilities).sum();
        assertEquals(1.0, sum, TOLERANCE, () -> "softmax(1, 2, 3) adds up to " + sum
                + ": divide each exponential by the sum of all of them");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("softmax(1, 2, 3) = (0.090, 0.245, 0.665)")
    void knownValues() {
        assertProbabilities(new double[] {0.09003, 0.24473, 0.66524}, 1, 2, 3);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("large logits do not overflow")
    void largeLogits() {
        assertProbabilities(new double[] {0.26894, 0.73106}, 1000, 1001);
    }

    /** Runs the submission on {@code logits}, failing with advice when it returns nothing usable. */
    static double[] softmax(double... logits) {
        Function<double[], double[]> softmax = Submission.get(Function.class);
        double[] probabilities = softmax.apply(logits);
        assertNotNull(probabilities, "softmax returned null: return an array of probabilities");
        if (probabilities.length != logits.length) {
            fail("softmax of " + logits.length + " logits returned " + probabilities.length
                    + " values: return one probability per logit");
        }
        return probabilities;
    }

    /** Checks softmax of {@code logits} against {@code expected}, explaining the usual mistakes. */
    static void assertProbabilities(double[] expected, double... logits) {
        double[] actual = softmax(logits);
        if (Arrays.stream(actual).anyMatch(p -> Double.isNaN(p) || Double.isInfinite(p))) {
            fail("softmax" + Arrays.toString(logits) + " gave " + Arrays.toString(actual)
                    + ": Math.exp overflows for large logits; subtract the largest logit before Math.exp");
        }
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > TOLERANCE) {
                fail("softmax" + Arrays.toString(logits) + " should be " + Arrays.toString(expected)
                        + " but was " + Arrays.toString(actual) + ": p[i] = exp(x[i] - max) / sum of exp(x[j] - max)");
            }
        }
    }
}
