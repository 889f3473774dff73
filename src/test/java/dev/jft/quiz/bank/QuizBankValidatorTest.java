package dev.jft.quiz.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's bank step: validate first, publish onto the classpath only what validated. */
class QuizBankValidatorTest {

    @TempDir
    Path dir;

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aBrokenBankIsReportedAndNeverPublished() throws IOException {
        Path quizzes = Files.createDirectories(dir.resolve("quizzes/00-welcome"));
        Files.writeString(quizzes.resolve("questions.json"), "{\"lesson\": \"00-welcome\", \"questions\": [");
        Path classes = dir.resolve("classes/quizzes");
        List<Problem> problems = QuizBankValidator.validate(dir.resolve("quizzes"), QUIET);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("questions.json:1: not valid JSON"), problems.toString());
        assertFalse(Files.exists(classes), "main publishes only after validate found nothing");
    }

    @Test
    void aSoundBankReplacesThePublishedCopy() throws IOException {
        Path quizzes = Files.createDirectories(dir.resolve("quizzes/00-welcome"));
        Files.copy(Path.of("quizzes/00-welcome/questions.json"), quizzes.resolve("questions.json"));
        Files.writeString(quizzes.getParent().resolve("README.md"), "not a bank");
        Path classes = Files.createDirectories(dir.resolve("classes/quizzes/99-removed"));
        Files.writeString(classes.resolve("questions.json"), "{}");
        assertEquals(List.of(), QuizBankValidator.validate(dir.resolve("quizzes"), QUIET));

        QuizBankValidator.publish(dir.resolve("quizzes"), dir.resolve("classes/quizzes"));

        assertEquals(Files.readString(quizzes.resolve("questions.json")),
                Files.readString(dir.resolve("classes/quizzes/00-welcome/questions.json")));
        assertFalse(Files.exists(classes), "a bank removed from quizzes/ leaves the classpath");
        assertFalse(Files.exists(dir.resolve("classes/quizzes/README.md")), "only .json files are published");
    }
}
