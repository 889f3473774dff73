package dev.jft.quiz.exercises.training;

import static dev.jft.quiz.exercises.training.WarmupLinearTest.assertRate;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import dev.jft.train.LrSchedule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of exercise training-warmup-linear: counted, never shown. Each compares the
 * submission with the engine's own schedule ({@link LrSchedule#linear}) at every step of a run and
 * a few steps past its end.
 */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class WarmupLinearHiddenTest {

    /** Every step from 0 to {@code totalSteps + 5}, against what the FineTuner would use. */
    private static void matchesTheEngine(double peak, long warmupSteps, long totalSteps) {
        LrSchedule engine = LrSchedule.linear(peak, warmupSteps, totalSteps);
        for (long step = 0; step <= totalSteps + 5; step++) {
            assertRate(engine.lr(step), peak, warmupSteps, totalSteps, step);
        }
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("a lesson-sized run: 10 % warmup of 450 steps")
    void typicalRun() {
        matchesTheEngine(5e-5, 45, 450);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("warmup that does not divide evenly, and no warmup")
    void unevenAndNone() {
        matchesTheEngine(2e-5, 7, 93);
        matchesTheEngine(1e-3, 0, 12);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("warmup as long as the whole run")
    void warmupIsTheWholeRun() {
        matchesTheEngine(3e-4, 20, 20);
        matchesTheEngine(1.0, 1, 1);
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("a single step without warmup, and a long run")
    void edges() {
        matchesTheEngine(1e-4, 0, 1);
        matchesTheEngine(2e-5, 1_000, 100_000);
    }
}
