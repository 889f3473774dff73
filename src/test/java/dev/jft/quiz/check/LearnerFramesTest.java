package dev.jft.quiz.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LearnerFramesTest {

    @AfterEach
    void restoreJavasFrameNames() {
        LearnerFrames.nameFramesWith(frame -> Optional.empty());
    }

    @Test
    void learnerFramesAreNamedByTheInstalledNamesAndTheRestAsJavaPrintsThem() {
        RuntimeException error = new ArithmeticException("/ by zero");
        StackTraceElement placed = new StackTraceElement("REPL.$JShell$50", "lambda$do_it$$0", "$JShell$50.java", 15);
        StackTraceElement unplaced = new StackTraceElement("demo.Helper", "help", "Helper.java", 7);
        error.setStackTrace(new StackTraceElement[] {placed, unplaced,
            new StackTraceElement("org.junit.jupiter.Foo", "run", "Foo.java", 1)});
        LearnerFrames.nameFramesWith(frame -> frame == placed
                ? Optional.of("lambda in cell code (In [5], line 3): return c / n;") : Optional.empty());
        assertEquals("ArithmeticException: / by zero\n  at lambda in cell code (In [5], line 3): return c / n;\n"
                + "  at demo.Helper.help(Helper.java:7)", LearnerFrames.describe(error));
    }
}
