package dev.jft.quiz.exercises.generation;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise generation-top-k-top-p: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TopKTopPTest {

    private static final float NO = Float.NEGATIVE_INFINITY;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("top-k keeps the k largest logits")
    void topKKeepsTheLargest() {
        assertFiltered(new float[] {1f, NO, 3f, NO}, new float[] {1f, -2f, 3f, 0.5f}, 2, 1.0);
        assertFiltered(new float[] {NO, NO, 3f, NO}, new float[] {1f, -2f, 3f, 0.5f}, 1, 1.0);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("k = 0 and p = 1 keep every token")
    void offMeansOff() {
        float[] logits = {0.3f, -1f, 2f};
        assertFiltered(logits.clone(), logits, 0, 1.0);
        assertFiltered(logits.clone(), logits, 5, 1.0);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("top-p keeps the token that crosses p")
    void theCrossingTokenIsKept() {
        // probabilities 0.5, 0.25, 0.125, 0.125 (logits ln of them)
        float[] logits = {(float) Math.log(0.5), (float) Math.log(0.25), (float) Math.log(0.125), (float) Math.log(0.125)};
        assertFiltered(new float[] {logits[0], logits[1], NO, NO}, logits, 0, 0.6);
        assertFiltered(new float[] {logits[0], NO, NO, NO}, logits, 0, 0.3);
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("top-k first, then top-p among the survivors")
    void kThenP() {
        // after top-2 the survivors have probabilities 0.625 and 0.375: p = 0.6 keeps only the first
        // (with the probabilities of all three, 0.5 would stay below 0.6 and the second would be kept too)
        float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};
        assertFiltered(new float[] {logits[0], NO, NO}, logits, 2, 0.6);
    }

    /** Runs the submission and explains the usual mistakes when it is off. */
    static void assertFiltered(float[] expected, float[] logits, int k, double p) {
        LogitsFilter filter = Submission.get(LogitsFilter.class);
        float[] input = logits.clone();
        float[] actual = filter.filter(input, k, p);
        if (actual == null) {
            fail("filter returned null: return a new array with one logit per token");
        }
        if (!Arrays.equals(input, logits)) {
            fail("the input array was changed: copy it (logits.clone()) and filter the copy");
        }
        if (sameWithin(expected, actual)) {
            return;
        }
        long keptExpected = Arrays.stream(box(expected)).filter(v -> v != NO).count();
        long kept = actual.length == expected.length ? Arrays.stream(box(actual)).filter(v -> v != NO).count() : -1;
        String hint;
        if (actual.length != expected.length) {
            hint = "return one logit per token: " + expected.length + " values, removed ones as -Infinity";
        } else if (kept == keptExpected - 1 && p < 1) {
            hint = "keep adding tokens while the sum is below p, and keep the token that crosses p (the sum must"
                    + " reach at least p)";
        } else if ((k <= 0 || k >= logits.length) && p >= 1) {
            hint = "k = 0 (or k at least the number of tokens) and p = 1 switch the filters off: every logit stays";
        } else if (p < 1 && k > 0 && k < logits.length) {
            hint = "apply top-k first, then compute the probabilities for top-p from the survivors only (a softmax"
                    + " in which the removed tokens count as probability 0)";
        } else {
            hint = "kept tokens keep their logits unchanged; removed ones become Float.NEGATIVE_INFINITY";
        }
        fail("filter(" + Arrays.toString(logits) + ", k " + k + ", p " + p + ") should give "
                + Arrays.toString(expected) + " but gave " + Arrays.toString(actual) + ": " + hint);
    }

    static boolean sameWithin(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean removed = expected[i] == NO;
            if (removed != (actual[i] == NO) || (!removed && Math.abs(expected[i] - actual[i]) > 1e-6)) {
                return false;
            }
        }
        return true;
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
