package dev.jft.quiz.exercises.selecting;

import static dev.jft.quiz.exercises.selecting.ParameterCountTest.assertCount;
import static dev.jft.quiz.exercises.selecting.ParameterCountTest.config;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise selecting-parameter-count: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ParameterCountHiddenTest {

    /** bge-small-en-v1.5 and e5-small-v2 as the course loads them: counted from their weights. */
    static final long SMALL_12_LAYER = 33_212_160L;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("the 12-layer catalog encoders")
    void twelveLayers() {
        assertCount(SMALL_12_LAYER, config(30_522, 384, 12, 1_536, 512, 2));
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("bert-base-uncased without its pooler")
    void bertBase() {
        assertCount(108_891_648L, config(30_522, 768, 12, 3_072, 512, 2));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("an intermediate size other than 4 x hidden, one token type")
    void otherShapes() {
        assertCount(7_053_056L, config(8_000, 256, 8, 640, 1_024, 1));
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("a count beyond the int range")
    void large() {
        assertCount(10_698_637_312L, config(250_000, 4_096, 48, 16_384, 2_048, 2));
    }
}
