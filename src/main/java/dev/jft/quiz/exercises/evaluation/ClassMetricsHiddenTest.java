package dev.jft.quiz.exercises.evaluation;

import static dev.jft.quiz.exercises.evaluation.ClassMetricsTest.assertRow;
import static dev.jft.quiz.exercises.evaluation.ClassMetricsTest.f1;
import static dev.jft.quiz.exercises.evaluation.ClassMetricsTest.metrics;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise evaluation-class-metrics: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ClassMetricsHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("a class absent from the data has recall 0 and still counts in the macro average")
    void absentClass() {
        // class 1 never occurs but is predicted once: precision 0/1, recall 0/0 -> 0, F1 0
        int[][] counts = {{3, 1}, {0, 0}};
        assertRow(1, new double[] {0, 0, 0}, counts);
        double p0 = 1;
        double r0 = 0.75;
        assertRow(2, new double[] {p0 / 2, r0 / 2, f1(p0, r0) / 2}, counts);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("macro F1 differs from the F1 of macro precision and recall")
    void macroF1IsAMeanOfF1s() {
        int[][] counts = {{9, 1, 0}, {5, 5, 0}, {0, 0, 1}};
        double[] p = {9.0 / 14, 5.0 / 6, 1};
        double[] r = {0.9, 0.5, 1};
        double macroF1 = (f1(p[0], r[0]) + f1(p[1], r[1]) + f1(p[2], r[2])) / 3;
        assertRow(3, new double[] {(p[0] + p[1] + p[2]) / 3, (r[0] + r[1] + r[2]) / 3, macroF1}, counts);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a perfect classifier scores 1 everywhere")
    void perfect() {
        int[][] counts = {{4, 0, 0}, {0, 2, 0}, {0, 0, 7}};
        for (int row = 0; row < 4; row++) {
            assertRow(row, new double[] {1, 1, 1}, counts);
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("a matrix that is not square, or has a negative count, is rejected")
    void badMatrix() {
        assertThrows(IllegalArgumentException.class, () -> metrics(new int[][] {{1, 2}, {3}}),
                "rows of different lengths: throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> metrics(new int[][] {{1, 2, 3}, {4, 5, 6}}),
                "2 rows of 3: not square, throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> metrics(new int[][] {{1, -2}, {3, 4}}),
                "a negative count: throw IllegalArgumentException");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("the matrix is left unchanged")
    void inputUnchanged() {
        int[][] counts = {{2, 1}, {0, 3}};
        assertRow(0, new double[] {1, 2.0 / 3, f1(1, 2.0 / 3)}, counts);
        assertArrayEquals(new int[] {2, 1}, counts[0], "classMetrics changed the matrix");
        assertArrayEquals(new int[] {0, 3}, counts[1], "classMetrics changed the matrix");
    }
}
