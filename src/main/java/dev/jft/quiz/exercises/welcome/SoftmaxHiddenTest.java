package dev.jft.quiz.exercises.welcome;

import static dev.jft.quiz.exercises.welcome.SoftmaxTest.assertProbabilities;
import static dev.jft.quiz.exercises.welcome.SoftmaxTest.softmax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise welcome-softmax: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SoftmaxHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("a single logit gets probability 1")
    void singleLogit() {
        assertProbabilities(new double[] {1.0}, -7.5);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("negative logits")
    void negativeLogits() {
        assertProbabilities(new double[] {0.66524, 0.24473, 0.09003}, -1, -2, -3);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("the logits are left unchanged")
    void inputUnchanged() {
        double[] logits = {3, 1, 2};
        double[] probabilities = softmax(logits);
        assertArrayEquals(new double[] {3, 1, 2}, logits, "softmax changed its input array");
        assertArrayEquals(new double[] {0.66524, 0.09003, 0.24473}, probabilities, SoftmaxTest.TOLERANCE);
    }
}
