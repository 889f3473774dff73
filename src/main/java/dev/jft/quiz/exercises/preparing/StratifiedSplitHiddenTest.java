package dev.jft.quiz.exercises.preparing;

import static dev.jft.quiz.exercises.preparing.StratifiedSplitTest.assertEveryRowUsed;
import static dev.jft.quiz.exercises.preparing.StratifiedSplitTest.assertProportions;
import static dev.jft.quiz.exercises.preparing.StratifiedSplitTest.assertStratified;
import static dev.jft.quiz.exercises.preparing.StratifiedSplitTest.labels;
import static dev.jft.quiz.exercises.preparing.StratifiedSplitTest.split;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise preparing-stratified-split: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class StratifiedSplitHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("another seed gives another split")
    void seedMatters() {
        List<String> labels = labels(Map.of("a", 60, "b", 40), 5);
        List<List<Integer>> one = split(labels, 1);
        assertEveryRowUsed(labels, one);
        assertNotEquals(one.get(2), split(labels, 2).get(2), "seeds 1 and 2 gave the same test part: shuffle with the seed");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("rows are shuffled within a class, not taken in file order")
    void shuffledWithinClass() {
        List<String> labels = labels(Map.of("a", 100), 0);
        List<List<Integer>> parts = split(labels, 3);
        assertProportions(labels, parts);
        List<Integer> firstEighty = IntStream.range(0, 80).boxed().toList();
        assertTrue(!parts.get(0).containsAll(firstEighty), "train holds exactly the first 80 rows: shuffle first");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("small and rare classes follow the rounding rule")
    void rareClasses() {
        List<String> labels = labels(Map.of("common", 97, "rare", 3, "five", 5, "one", 1), 6);
        assertStratified(labels, split(labels, 9));
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("10,000 rows in four imbalanced classes")
    void large() {
        List<String> labels = labels(Map.of("w", 6_000, "x", 2_500, "y", 1_000, "z", 500), 8);
        assertStratified(labels, split(labels, 42));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("no rows: three empty parts")
    void empty() {
        List<List<Integer>> parts = split(List.of(), 1);
        assertTrue(parts.stream().allMatch(List::isEmpty), "no rows should give three empty parts, got " + parts);
        List<String> labels = labels(Map.of("only", 10), 1);
        assertEveryRowUsed(labels, split(labels, 1));
    }
}
