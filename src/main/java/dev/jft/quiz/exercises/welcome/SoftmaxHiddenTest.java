package dev.jft.quiz.exercises.welcome;

import static dev.jft.quiz.exercises.welcome.SoftmaxTest.assertProbabilities;
import static dev.jft.quiz.exercises.welcome.SoftmaxTest.softmax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of exercise welcome-softmax: counted, never shown. */
@Hidden
public class SoftmaxHiddenTest {

    @Test
    @Points(1)
    @DisplayName("a single logit gets probability 1")
    void singleLogit() {
        assertProbabilities(new double[] {1.0}, -7.5);
    }

    @Test
    @Points(1)
    @DisplayName("negative logits")
    void negativeLogits() {
        assertProbabilities(new double[] {0.66524, 0.24473, 0.09003}, -1, -2, -3);
    }

    @Test
    @Points(1)
    @DisplayName("the logits are left unchanged")
    void inputUnchanged() {
        double[] logits = {3, 1, 2};
        double[] probabilities = softmax(logits);
        assertArrayEquals(new double[] {3, 1, 2}, logits, "softmax changed its input array");
        assertArrayEquals(new double[] {0.66524, 0.09003, 0.24473}, probabilities, SoftmaxTest.TOLERANCE);
    }
}
