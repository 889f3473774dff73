package dev.jft.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.CheckResult;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import dev.jft.quiz.solutions.WelcomeSolutions;
import dev.jft.viz.RichOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizSessionTest {

    @TempDir
    Path dir;

    private QuizSession session;
    private Gradebook gradebook;

    @BeforeEach
    void setUp() {
        gradebook = new Gradebook(dir.resolve("book.jsonl"));
        session = new QuizSession(QuizCatalog.fromClasspath(), gradebook, "ada");
    }

    private static String text(RichOutput output) {
        return output.mimeBundle().get("text/plain");
    }

    @Test
    void showRendersHtmlAndTextWithHowToAnswer() {
        Map<String, String> bundle = session.show("welcome-q2").mimeBundle();
        assertTrue(bundle.get("text/html").contains("<li><b>A.</b>"), bundle.get("text/html"));
        assertTrue(bundle.get("text/plain").contains("Quiz.answer(\"welcome-q2\", \"A\", \"D\")"));
        String exercise = text(session.show("welcome-softmax"));
        assertTrue(exercise.contains("Function<double[], double[]> softmax"), exercise);
        assertTrue(exercise.contains("Quiz.check(\"welcome-softmax\", softmax)"), exercise);
    }

    @Test
    void answerExplainsEveryOptionAndRecordsTheAttempt() {
        RichOutput feedback = session.answer("welcome-q1", List.of("b"));
        assertTrue(text(feedback).startsWith("welcome-q1: correct, 1/1 points"), text(feedback));
        assertTrue(text(feedback).contains("That is prompt engineering"), "wrong options are explained too");
        List<GradebookEntry> entries = gradebook.read();
        assertEquals(1, entries.size());
        assertEquals("ada", entries.get(0).learner());
        assertEquals("00-welcome", entries.get(0).lesson());
        assertEquals(1.0, entries.get(0).score());
        assertEquals("B", entries.get(0).answer());
    }

    @Test
    void multipleSelectGivesPartialCredit() {
        RichOutput feedback = session.answer("welcome-q2", List.of("A"));
        assertTrue(text(feedback).startsWith("welcome-q2: partly correct, 1/2 points"), text(feedback));
        assertEquals(0.0, ((dev.jft.quiz.answer.AnswerFeedback) session.answer("welcome-q2", List.of("A", "C")))
                .score());
    }

    @Test
    void numericAndShortAnswers() {
        assertTrue(text(session.answer("welcome-q4", 0.88)).contains("correct, 1/1"));
        assertTrue(text(session.answer("welcome-q5", 6)).contains("correct, 1/1"));
        assertTrue(text(session.answer("welcome-q6", List.of("  The TEST-set. "))).contains("correct, 1/1"));
        assertTrue(text(session.answer("welcome-q6", List.of("validation set"))).contains("not quite, 0/1"));
    }

    @Test
    void unknownIdSuggestsTheNearest() {
        RichOutput message = session.answer("welcome-q7", List.of("A"));
        assertInstanceOf(QuizMessage.class, message);
        assertTrue(text(message).contains("Did you mean welcome-q1 or welcome-q2 or welcome-q3?"), text(message));
        assertTrue(text(session.check("welcome-softmx", WelcomeSolutions.SOFTMAX)).contains("welcome-softmax"));
        assertTrue(gradebook.read().isEmpty(), "nothing recorded for a bad call");
    }

    @Test
    void wrongKindOfAnswerSaysHowToAnswer() {
        assertEquals("question welcome-q2 is multiple select: answer with every option you choose, "
                + "e.g. Quiz.answer(\"welcome-q2\", \"A\", \"D\")", text(session.answer("welcome-q2", 2)));
        assertTrue(text(session.answer("welcome-q1", List.of("A", "B"))).contains("is multiple choice: answer with one"));
        assertTrue(text(session.answer("welcome-q1", List.of("E"))).contains("has no option \"E\"; its options are A, B, C, D"));
        assertTrue(text(session.answer("welcome-q4", List.of("0.88"))).contains("is numeric: answer with a number"
                + ", e.g. Quiz.answer(\"welcome-q4\", 0.5) (without quotes)"));
        assertTrue(text(session.answer("welcome-softmax", List.of("A"))).contains("is a coding exercise"));
        assertTrue(text(session.check("welcome-q1", "B")).contains("is a question, not a coding exercise"));
        assertTrue(gradebook.read().isEmpty(), "nothing recorded for a bad call");
    }

    @Test
    void nullOrMistypedImplementationGetsAMessage() {
        RichOutput nullCheck = session.check("welcome-softmax", null);
        assertInstanceOf(QuizMessage.class, nullCheck);
        assertTrue(text(nullCheck).contains("run the cell that defines softmax first"), text(nullCheck));
        RichOutput wrongType = session.check("welcome-softmax", (Runnable) () -> { });
        assertTrue(text(wrongType).contains("needs a java.util.function.Function"), text(wrongType));
    }

    @Test
    void checkRendersATableAndHidesHiddenTestDetails() {
        RichOutput result = session.check("welcome-softmax", WelcomeSolutions.SOFTMAX_WITHOUT_SHIFT);
        CheckResult check = assertInstanceOf(CheckResult.class, result);
        String html = result.mimeBundle().get("text/html");
        assertTrue(html.contains(">test</th>") && html.contains(">message</th>"), html);
        assertTrue(!html.contains("<td>") && !html.contains("<th>"), "every cell left-aligned inline: " + html);
        assertTrue(html.contains("<th style=\"text-align:left;"), html);
        assertTrue(html.contains("<td style=\"text-align:left;"), html);
        assertTrue(html.contains("white-space:pre-wrap;word-break:normal;overflow-wrap:break-word"),
                "messages wrap at word boundaries: " + html);
        assertTrue(html.contains("background-color:#fdd"), "failures styled as Jupyter styles errors: " + html);
        assertTrue(text(result).contains("FAIL large logits do not overflow [0/1]"), text(result));
        assertTrue(text(result).contains("hidden test 1"), text(result));
        assertTrue(!text(result).contains("a single logit"), "hidden test names stay hidden");
        GradebookEntry entry = gradebook.read().get(0);
        assertEquals("exercise", entry.kind());
        assertEquals(check.earned(), entry.score());
        assertEquals(check.points(), entry.max());
    }

    @Test
    void learnerExceptionsShowTheLearnersFramesFirst() {
        Function<double[], double[]> broken = logits -> new double[] {logits[5]};
        String text = text(session.check("welcome-softmax", broken));
        assertTrue(text.contains("ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 3"), text);
        assertTrue(text.contains("at dev.jft.quiz.QuizSessionTest.lambda$"), text);
        assertTrue(!text.contains("at org.junit"), text);
    }

    @Test
    void progressShowsScoresPerLessonAsTableAndChart() {
        session.answer("welcome-q1", List.of("B"));
        session.answer("welcome-q2", List.of("A"));
        RichOutput progress = session.progress();
        assertTrue(text(progress).contains("00-welcome"), text(progress));
        assertTrue(progress.mimeBundle().get("text/html").contains("<img src=\"data:image/png;base64,"));
    }

    @Test
    void thePlaceholderAnswerIsNotRecordedAndSaysWhatToDo() {
        for (String id : List.of("welcome-q1", "welcome-q2", "welcome-q4", "welcome-q6")) {
            String text = text(session.answer(id, List.of("?")));
            assertTrue(text.startsWith("Not answered yet"), text);
            assertTrue(text.contains("Quiz.answer(\"" + id + "\""), text);
            assertTrue(text(session.answer(id, List.of(""))).startsWith("Not answered yet"));
        }
        assertEquals(List.of(), gradebook.read());
    }

    @Test
    void progressCountsTheBestAttemptOutOfEveryItemOfTheLesson() {
        Function<double[], double[]> right = WelcomeSolutions.SOFTMAX;
        CheckResult full = assertInstanceOf(CheckResult.class, session.check("welcome-softmax", right));
        session.check("welcome-softmax", (Function<double[], double[]>) logits -> new double[logits.length]);
        session.answer("welcome-q1", List.of("B"));
        session.answer("welcome-q1", List.of("A"));
        var table = assertInstanceOf(dev.jft.quiz.progress.ProgressReport.class, session.progress()).table();
        assertEquals(2, table.intColumn("attempted").get(0));
        assertEquals(8, table.intColumn("items").get(0), "every question and exercise of the bank");
        assertEquals(full.points() + 1.0, table.doubleColumn("score").get(0), "the best attempts count");
        double possible = 7 + full.points() + dev.jft.quiz.check.ExerciseRunner.maxPoints(
                QuizCatalog.fromClasspath().exercise("welcome-accuracy").orElseThrow());
        assertEquals(possible, table.doubleColumn("max").get(0), "points of all items, attempted or not");
        assertTrue(table.doubleColumn("percent").get(0) < 100, "not a percentage of attempted items only");
    }

    @Test
    void anUnwritableGradebookIsReportedNotFatal() {
        QuizSession readOnly = new QuizSession(QuizCatalog.fromClasspath(),
                new Gradebook(dir.resolve("book.jsonl").resolve("not-a-dir").resolve("x")), "ada");
        session.answer("welcome-q1", List.of("B")); // creates book.jsonl as a file, so it cannot be a folder
        String text = text(readOnly.answer("welcome-q1", List.of("B")));
        assertTrue(text.contains("correct, 1/1") && text.contains("Not saved to the gradebook"), text);
    }
}
