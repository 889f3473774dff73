package dev.jft.quiz.exercises.understanding;

import static dev.jft.quiz.exercises.understanding.MeanPoolingTest.assertPooled;
import static dev.jft.quiz.exercises.understanding.MeanPoolingTest.pool;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise understanding-mean-pooling: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MeanPoolingHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("padding in the middle of the mask is skipped too")
    void maskNotOnlyAtTheEnd() {
        float[][][] hidden = {{{-1, 0, 2}, {50, 50, 50}, {3, 2, 0}}};
        assertPooled(new float[][] {{1, 1, 1}}, hidden, new int[][] {{1, 0, 1}});
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("a text with no real token is rejected")
    void emptyText() {
        float[][][] hidden = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
        assertThrows(IllegalArgumentException.class, () -> pool(hidden, new int[][] {{1, 1}, {0, 0}}),
                "a text whose mask is all 0 has no mean: throw IllegalArgumentException");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a mask of the wrong shape is rejected")
    void maskShape() {
        float[][][] hidden = {{{1, 2}, {3, 4}, {5, 6}}};
        assertThrows(IllegalArgumentException.class, () -> pool(hidden, new int[][] {{1, 1}}),
                "a mask shorter than the text: throw IllegalArgumentException");
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("the inputs are left unchanged")
    void inputsUnchanged() {
        float[][][] hidden = {{{1, 2}, {3, 4}, {9, 9}}};
        int[][] mask = {{1, 1, 0}};
        float[][] vectors = pool(hidden, mask);
        assertArrayEquals(new float[] {2, 3}, vectors[0], MeanPoolingTest.TOLERANCE,
                "the mean of (1, 2) and (3, 4) is (2, 3)");
        assertArrayEquals(new float[] {1, 2}, hidden[0][0], "meanPooling changed hidden");
        assertArrayEquals(new float[] {3, 4}, hidden[0][1], "meanPooling changed hidden");
        assertArrayEquals(new float[] {9, 9}, hidden[0][2], "meanPooling changed hidden");
        assertArrayEquals(new int[] {1, 1, 0}, mask[0], "meanPooling changed the mask");
    }
}
