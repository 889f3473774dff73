package dev.jft.quiz.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.bank.Exercise;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExerciseRunnerTimeoutTest {

    private static final Exercise ONE_SECOND_SOFTMAX = new Exercise("t-softmax", "test", "Softmax", "s", "stub",
            "softmax", Function.class.getName(), List.of("dev.jft.quiz.exercises.welcome.SoftmaxTest"), 1);

    @Test
    void anInfiniteLoopFailsEachTestAndTheRunawayThreadsAreStopped() throws InterruptedException {
        Function<double[], double[]> loops = logits -> {
            long spins = 0;
            while (logits.length > 0) {
                spins++;
            }
            return new double[(int) spins];
        };
        CheckResult result = ExerciseRunner.run(ONE_SECOND_SOFTMAX, loops);
        assertEquals(0, result.earned());
        assertEquals(3, result.outcomes().size());
        result.outcomes().forEach(outcome -> assertTrue(
                outcome.message().contains("timed out after 1 s: does your code loop forever?"), outcome.message()));
        Thread.sleep(200);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("junit-timeout-thread")),
                "the looping threads were stopped");
    }

    @Test
    void aMissingTestClassIsExplained() {
        Exercise broken = new Exercise("t-missing", "test", "Missing", "s", "stub", "x", Function.class.getName(),
                List.of("dev.jft.quiz.exercises.NoSuchTest"), 1);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ExerciseRunner.run(broken, (Function<Object, Object>) x -> x));
        assertTrue(error.getMessage().contains("The tests of exercise t-missing could not be loaded"),
                error.getMessage());
    }
}
