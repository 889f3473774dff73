package dev.jft.quiz.exercises.training;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise training-warmup-linear: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class WarmupLinearTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("halfway through warmup: half the peak")
    void halfwayThroughWarmup() {
        assertRate(0.5, 1.0, 10, 110, 5);
        assertRate(1e-5, 2e-5, 10, 110, 5);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("step 0 of a warmup uses 0, the end of warmup the peak")
    void warmupEnds() {
        assertRate(0.0, 1.0, 10, 110, 0);
        assertRate(1.0, 1.0, 10, 110, 10);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("halfway through the decay: half the peak")
    void halfwayThroughDecay() {
        assertRate(0.5, 1.0, 10, 110, 60);
        assertRate(0.99, 1.0, 10, 110, 11);
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("no warmup: step 0 already uses the peak")
    void noWarmup() {
        assertRate(3e-5, 3e-5, 0, 100, 0);
        assertRate(1.5e-5, 3e-5, 0, 100, 50);
    }

    /** Runs the submission and explains the usual mistakes when it is off. */
    static void assertRate(double expected, double peak, long warmupSteps, long totalSteps, long step) {
        WarmupLinearRate rate = Submission.get(WarmupLinearRate.class);
        double actual = rate.lr(peak, warmupSteps, totalSteps, step);
        if (Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(peak))) {
            return;
        }
        String hint;
        if (Double.isNaN(actual)) {
            hint = "you divided 0 by 0: with no warmup steps there is no warmup (the first step already uses the"
                    + " peak), and a decay over 0 steps must not divide by 0 either";
        } else if (step < warmupSteps && actual == 0 && step > 0) {
            hint = "integer division: step / warmupSteps with two longs rounds down to 0; divide as double";
        } else if (step >= totalSteps && actual < 0) {
            hint = "after the last step the rate stays at 0, it never goes negative";
        } else if (step < warmupSteps) {
            hint = "during warmup the rate rises in a straight line from 0 at step 0 to the peak at step warmupSteps:"
                    + " peak x step / warmupSteps";
        } else {
            hint = "after warmup the rate falls in a straight line from the peak at step warmupSteps to 0 at step"
                    + " totalSteps: peak x (totalSteps - step) / (totalSteps - warmupSteps)";
        }
        fail("peak " + peak + ", warmup " + warmupSteps + ", total " + totalSteps + ", step " + step + " should give "
                + expected + " but gave " + actual + ": " + hint);
    }
}
