package dev.jft.quiz.exercises.preparing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise preparing-stratified-split: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class StratifiedSplitTest {

    static final String[] PARTS = {"train", "validation", "test"};

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("every row is in a part")
    void everyRowUsed() {
        List<String> labels = labels(Map.of("a", 50, "b", 30, "c", 20), 1);
        assertEveryRowUsed(labels, split(labels, 7));
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("no row is in two parts")
    void noOverlap() {
        List<String> labels = labels(Map.of("a", 50, "b", 30, "c", 20), 2);
        List<List<Integer>> parts = split(labels, 7);
        assertNoOverlap(parts);
        assertEveryRowUsed(labels, parts);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("each class keeps its share in every part")
    void proportions() {
        List<String> labels = labels(Map.of("a", 50, "b", 30, "c", 20), 3);
        assertProportions(labels, split(labels, 7));
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("the same seed gives the same split")
    void deterministic() {
        List<String> labels = labels(Map.of("a", 40, "b", 40), 4);
        List<List<Integer>> first = split(labels, 11);
        assertEveryRowUsed(labels, first);
        List<List<Integer>> second = split(labels, 11);
        for (int p = 0; p < 3; p++) {
            assertEquals(first.get(p), second.get(p), "two calls with seed 11 gave different " + PARTS[p]
                    + " parts: draw every random number from new Random(seed), never from Math.random() or an"
                    + " unseeded Random");
        }
    }

    /** Calls the submission and checks the shape of its answer: three lists of row indices in range. */
    static List<List<Integer>> split(List<String> labels, long seed) {
        @SuppressWarnings("unchecked")
        BiFunction<List<String>, Long, List<List<Integer>>> submission = Submission.get(BiFunction.class);
        List<List<Integer>> parts = submission.apply(List.copyOf(labels), seed);
        assertNotNull(parts, "return three lists (train, validation, test), not null");
        assertEquals(3, parts.size(), "return exactly three lists: train, validation, test");
        for (int p = 0; p < 3; p++) {
            assertNotNull(parts.get(p), "the " + PARTS[p] + " part is null: return an empty list instead");
            for (Integer row : parts.get(p)) {
                if (row == null || row < 0 || row >= labels.size()) {
                    fail("the " + PARTS[p] + " part holds " + row + ", which is not a row index (0 to "
                            + (labels.size() - 1) + ")");
                }
            }
        }
        return parts;
    }

    /** n labels with these counts, in a shuffled order. */
    static List<String> labels(Map<String, Integer> counts, long order) {
        List<String> labels = new ArrayList<>();
        new TreeMap<>(counts).forEach((label, n) -> labels.addAll(Collections.nCopies(n, label)));
        Collections.shuffle(labels, new Random(order));
        return labels;
    }

    /** No overlap, every row used, every class cut by the rule. */
    static void assertStratified(List<String> labels, List<List<Integer>> parts) {
        assertNoOverlap(parts);
        assertEveryRowUsed(labels, parts);
        assertProportions(labels, parts);
    }

    static void assertEveryRowUsed(List<String> labels, List<List<Integer>> parts) {
        boolean[] seen = new boolean[labels.size()];
        parts.forEach(part -> part.forEach(row -> seen[row] = true));
        int used = 0;
        int firstMissing = -1;
        for (int row = 0; row < seen.length; row++) {
            if (seen[row]) {
                used++;
            } else if (firstMissing < 0) {
                firstMissing = row;
            }
        }
        if (used < labels.size()) {
            fail("only " + used + " of " + labels.size() + " rows are in a part (row " + firstMissing
                    + " is in none): every row must go to train, validation or test");
        }
    }

    static void assertNoOverlap(List<List<Integer>> parts) {
        Map<Integer, String> where = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            for (int row : parts.get(p)) {
                String earlier = where.putIfAbsent(row, PARTS[p]);
                if (earlier != null) {
                    fail("row " + row + " is in " + earlier + (earlier.equals(PARTS[p]) ? " twice" : " and in "
                            + PARTS[p]) + ": a row in two parts is leakage; cut each shuffled class into three"
                            + " consecutive pieces");
                }
            }
        }
    }

    /** Per class with n rows: Math.round(n * 0.8) in train, Math.round(n * 0.1) in validation, the rest in test. */
    static void assertProportions(List<String> labels, List<List<Integer>> parts) {
        Map<String, Integer> total = new TreeMap<>();
        labels.forEach(label -> total.merge(label, 1, Integer::sum));
        for (int p = 0; p < 3; p++) {
            Map<String, Integer> inPart = new TreeMap<>();
            parts.get(p).forEach(row -> inPart.merge(labels.get(row), 1, Integer::sum));
            for (Map.Entry<String, Integer> e : total.entrySet()) {
                int n = e.getValue();
                int train = (int) Math.round(n * 0.8);
                int validation = (int) Math.round(n * 0.1);
                int expected = p == 0 ? train : p == 1 ? validation : n - train - validation;
                int actual = inPart.getOrDefault(e.getKey(), 0);
                if (actual != expected) {
                    fail("class '" + e.getKey() + "' has " + actual + " of its " + n + " rows in " + PARTS[p]
                            + ", expected " + expected + " (train Math.round(n * 0.8), validation"
                            + " Math.round(n * 0.1), test the rest): stratify, that is group the rows by label,"
                            + " shuffle and cut each class separately, then join the pieces");
                }
            }
        }
    }
}
