package dev.jft.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.CheckResult;
import dev.jft.quiz.check.ExerciseRunner;
import dev.jft.quiz.check.TestOutcome;
import dev.jft.quiz.solutions.ExerciseProofs;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every exercise in the banks: the reference scores full marks, the stub zero, a known bug its hint. */
class ExerciseProofTest {

    static Stream<Exercise> exercises() {
        return QuizCatalog.fromClasspath().banks().stream().flatMap(bank -> bank.exercises().stream());
    }

    @Test
    void thereAreExercisesToProve() {
        assertTrue(exercises().count() >= 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void referenceSolutionScoresFullMarks(Exercise exercise) {
        CheckResult result = ExerciseRunner.run(exercise, proof(exercise).reference());
        assertTrue(result.points() > 0);
        assertEquals(result.points(), result.earned(), result::toString);
        assertTrue(result.outcomes().stream().anyMatch(TestOutcome::hidden), "every exercise has hidden tests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void notebookStubScoresZero(Exercise exercise, @TempDir Path workDir) throws Exception {
        Object stub = StubCompiler.submittedValue(exercise, workDir);
        CheckResult result = ExerciseRunner.run(exercise, stub);
        assertEquals(0, result.earned(), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void knownWrongSolutionGetsItsHint(Exercise exercise) {
        ExerciseProofs.Proof proof = proof(exercise);
        CheckResult result = ExerciseRunner.run(exercise, proof.wrong());
        TestOutcome failing = result.outcomes().stream()
                .filter(outcome -> outcome.name().equals(proof.failingTest())).findFirst()
                .orElseThrow(() -> new AssertionError("no test named " + proof.failingTest() + " in " + result));
        assertFalse(failing.passed());
        assertTrue(failing.message().contains(proof.messagePhrase()), failing::message);
        assertTrue(result.earned() > 0 && result.earned() < result.points(), "partial credit: " + result);
        assertTrue(result.toString().contains(proof.messagePhrase()), "the learner sees the hint");
    }

    private static ExerciseProofs.Proof proof(Exercise exercise) {
        ExerciseProofs.Proof proof = ExerciseProofs.BY_EXERCISE.get(exercise.id());
        assertNotNull(proof, "exercise " + exercise.id() + " needs an entry in ExerciseProofs");
        return proof;
    }
}
