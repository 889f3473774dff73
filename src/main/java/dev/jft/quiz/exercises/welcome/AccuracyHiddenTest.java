package dev.jft.quiz.exercises.welcome;

import static dev.jft.quiz.exercises.welcome.AccuracyTest.accuracy;
import static dev.jft.quiz.exercises.welcome.AccuracyTest.assertAccuracy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise welcome-accuracy: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AccuracyHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("none correct gives 0.0")
    void noneCorrect() {
        assertAccuracy(0.0, new int[] {1, 1}, new int[] {0, 0});
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("3 of 4 correct gives 0.75")
    void threeQuarters() {
        assertAccuracy(0.75, new int[] {2, 0, 1, 1}, new int[] {2, 0, 1, 0});
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("empty arrays are rejected")
    void emptyArrays() {
        assertThrows(IllegalArgumentException.class, () -> accuracy(new int[0], new int[0]),
                "accuracy of no predictions is undefined: throw IllegalArgumentException");
    }
}
