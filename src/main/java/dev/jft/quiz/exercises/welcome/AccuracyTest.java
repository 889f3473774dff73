package dev.jft.quiz.exercises.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise welcome-accuracy: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AccuracyTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("all correct gives 1.0")
    void allCorrect() {
        assertAccuracy(1.0, new int[] {0, 1, 1}, new int[] {0, 1, 1});
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("2 of 4 correct gives 0.5")
    void halfCorrect() {
        assertAccuracy(0.5, new int[] {1, 0, 1, 0}, new int[] {1, 1, 1, 1});
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("arrays of different lengths are rejected")
    void differentLengths() {
        assertThrows(IllegalArgumentException.class, () -> accuracy(new int[] {1, 0}, new int[] {1}),
                "predictions and labels of different lengths should throw IllegalArgumentException");
    }

    static double accuracy(int[] predictions, int[] labels) {
        ToDoubleBiFunction<int[], int[]> accuracy = Submission.get(ToDoubleBiFunction.class);
        return accuracy.applyAsDouble(predictions, labels);
    }

    /** Checks the submission's accuracy, spotting integer division (0.0 where a fraction was due). */
    static void assertAccuracy(double expected, int[] predictions, int[] labels) {
        double actual = accuracy(predictions, labels);
        String hint = actual == 0.0 && expected > 0 && expected < 1
                ? ": integer division rounds down to 0; divide as double, e.g. (double) correct / labels.length"
                : ": count the positions where predictions[i] == labels[i] and divide by the length";
        assertEquals(expected, actual, 1e-9, "accuracy should be " + expected + " but was " + actual + hint);
    }
}
