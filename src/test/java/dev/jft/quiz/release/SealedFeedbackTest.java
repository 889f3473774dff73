package dev.jft.quiz.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.QuizSession;
import dev.jft.quiz.answer.AnswerFeedback;
import dev.jft.quiz.answer.AnswerFormatException;
import dev.jft.quiz.answer.AnswerGrader;
import dev.jft.quiz.answer.GradedAnswer;
import dev.jft.quiz.answer.SealedAnswerChecker;
import dev.jft.quiz.answer.UnconfirmedAnswer;
import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuestionKind;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import dev.jft.viz.RichOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The release's instant feedback, for every question of every bank: the sealed key says right for the
 * right answer (and then opens the instructor's explanations) and wrong for a wrong one, and it never
 * contradicts the instructor's grader.
 */
class SealedFeedbackTest {

    private static final QuizCatalog INSTRUCTOR = QuizCatalog.fromClasspath();

    /** A question as the release holds it, with the instructor's original. */
    record Pair(Question sealed, Question original) {
        @Override
        public String toString() {
            return original.id() + " (" + original.kind() + ")";
        }
    }

    static Stream<Pair> questions() {
        QuizCatalog learner = ReleaseFixture.releaseCatalog();
        return INSTRUCTOR.banks().stream().flatMap(bank -> bank.questions().stream())
                .map(original -> new Pair(learner.question(original.id()).orElseThrow(), original));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void theRightAnswerIsCorrectAndOpensTheExplanations(Pair pair) {
        Question original = pair.original();
        for (GradedAnswer graded : rightAnswers(pair)) {
            AnswerFeedback feedback = assertInstanceOf(AnswerFeedback.class, graded, graded::toString);
            assertTrue(feedback.correct(), feedback::toString);
            assertEquals(original.points(), feedback.score());
            String text = feedback.toString();
            assertTrue(text.startsWith(original.id() + ": correct"), text);
            assertTrue(text.contains(SealedAnswerChecker.MEANING), "says what the feedback means: " + text);
            for (Option option : original.options()) {
                assertTrue(text.contains(option.explanation()), "explanation of " + option.id() + " opened: " + text);
            }
            assertTrue(text.contains(original.explanation()), text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void aWrongAnswerIsNotCorrectAndKeepsTheExplanationsClosed(Pair pair) {
        Question original = pair.original();
        for (GradedAnswer graded : wrongAnswers(pair)) {
            UnconfirmedAnswer answer = assertInstanceOf(UnconfirmedAnswer.class, graded, graded::toString);
            assertEquals(0, answer.score());
            String text = answer.toString();
            assertTrue(text.startsWith(original.id() + ": not correct"), text);
            assertTrue(text.contains(SealedAnswerChecker.MEANING), text);
            original.options().forEach(option -> assertFalse(text.contains(option.explanation()), text));
            assertTrue(original.explanation().isEmpty() || !text.contains(original.explanation()), text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void numbersAgreeWithTheGraderOrSayTheGraderDecides(Pair pair) {
        Question original = pair.original();
        if (original.kind() != QuestionKind.NUMERIC) {
            return;
        }
        double half = original.tolerance() + AnswerGrader.ROUNDING_SLACK;
        int edges = 0;
        int steps = 0;
        for (int step = -60; step <= 60; step++, steps++) {
            double value = original.numericAnswer() + step * half / 40;
            boolean graderSaysRight = AnswerGrader.grade(original, value).correct();
            GradedAnswer sealed = SealedAnswerChecker.check(pair.sealed(), value);
            if (sealed instanceof AnswerFeedback) {
                assertTrue(graderSaysRight, value + " is correct for the sealed key only");
            } else if (sealed.toString().contains("at the edge of the accepted range")) {
                edges++;
                double cell = 2 * half / KeySealer.CELLS_ACROSS;
                assertTrue(Math.abs(Math.abs(value - original.numericAnswer()) - half) <= 1.01 * cell,
                        value + " is called an edge case farther than a cell from the edge");
            } else {
                assertFalse(graderSaysRight, value + " is wrong for the sealed key only");
            }
        }
        // Steps are 1/80 of the range, cells 1/16: at most two cells (11 steps) at either edge are left to the grader.
        assertTrue(edges <= 2 * 11, edges + " of " + steps + " values left to the grader");
        assertInstanceOf(UnconfirmedAnswer.class, SealedAnswerChecker.check(pair.sealed(), Double.NaN));
    }

    @Test
    void answersOfTheWrongShapeAreRefusedAsInTheInstructorsEdition() {
        Question choice = sealed("welcome-q1");
        assertThrows(AnswerFormatException.class, () -> SealedAnswerChecker.check(choice, List.of("Z")));
        assertThrows(AnswerFormatException.class, () -> SealedAnswerChecker.check(choice, List.of("A", "B")));
        assertThrows(AnswerFormatException.class, () -> SealedAnswerChecker.check(choice, 0.5));
        AnswerFormatException quoted = assertThrows(AnswerFormatException.class,
                () -> SealedAnswerChecker.check(sealed("welcome-q4"), List.of("0.88")));
        assertTrue(quoted.getMessage().contains("without quotes"), quoted.getMessage());
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> AnswerGrader.grade(choice, List.of("A")));
        assertTrue(noKey.getMessage().contains("instructor's banks"), noKey.getMessage());
    }

    @Test
    void aLearnersSessionRecordsWhatTheSealedKeySaid(@TempDir Path dir) {
        Gradebook gradebook = new Gradebook(dir.resolve("book.jsonl"));
        QuizSession session = new QuizSession(ReleaseFixture.releaseCatalog(), gradebook, "ada");
        Question original = INSTRUCTOR.question("welcome-q1").orElseThrow();
        String wrong = wrongOption(original);
        RichOutput right = session.answer("welcome-q1", List.of(original.correctOptions().get(0).toLowerCase(Locale.ROOT)));
        RichOutput notRight = session.answer("welcome-q1", List.of(wrong));
        assertTrue(right.mimeBundle().get("text/html").contains("&#10004;"), right.mimeBundle().get("text/html"));
        assertTrue(notRight.mimeBundle().get("text/html").contains("salted hash"), notRight.mimeBundle().get("text/html"));
        List<GradebookEntry> entries = gradebook.read();
        assertEquals(List.of(1.0, 0.0), entries.stream().map(GradebookEntry::score).toList());
        assertEquals(wrong, entries.get(1).answer());
        assertTrue(session.answer("welcome-q1", List.of("?")).toString().contains("Not answered yet"));
    }

    private static Question sealed(String id) {
        return ReleaseFixture.releaseCatalog().question(id).orElseThrow();
    }

    /** The key in the spellings a learner may use: other case and order, punctuation, an article. */
    private static List<GradedAnswer> rightAnswers(Pair pair) {
        Question original = pair.original();
        Question sealed = pair.sealed();
        List<GradedAnswer> answers = new ArrayList<>();
        switch (original.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> {
                List<String> key = new ArrayList<>(original.correctOptions());
                answers.add(SealedAnswerChecker.check(sealed, key));
                java.util.Collections.reverse(key);
                answers.add(SealedAnswerChecker.check(sealed, key.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList()));
            }
            case SHORT_ANSWER -> original.acceptedAnswers().forEach(accepted -> {
                answers.add(SealedAnswerChecker.check(sealed, List.of(accepted)));
                answers.add(SealedAnswerChecker.check(sealed, List.of("The " + accepted.toUpperCase(Locale.ROOT) + "!")));
            });
            case NUMERIC -> {
                answers.add(SealedAnswerChecker.check(sealed, original.numericAnswer()));
                answers.add(SealedAnswerChecker.check(sealed, original.numericAnswer() + 0.75 * original.tolerance()));
                answers.add(SealedAnswerChecker.check(sealed, original.numericAnswer() - 0.75 * original.tolerance()));
            }
        }
        return answers;
    }

    /** Every other option, subsets and supersets of a multiple-select key, a wrong text, numbers out of range. */
    private static List<GradedAnswer> wrongAnswers(Pair pair) {
        Question original = pair.original();
        Question sealed = pair.sealed();
        List<GradedAnswer> answers = new ArrayList<>();
        switch (original.kind()) {
            case MULTIPLE_CHOICE -> original.options().stream().map(Option::id)
                    .filter(id -> !original.correctOptions().contains(id))
                    .forEach(id -> answers.add(SealedAnswerChecker.check(sealed, List.of(id))));
            case MULTIPLE_SELECT -> {
                List<String> key = original.correctOptions();
                answers.add(SealedAnswerChecker.check(sealed, key.subList(0, key.size() - 1)));
                List<String> more = new ArrayList<>(key);
                more.add(wrongOption(original));
                answers.add(SealedAnswerChecker.check(sealed, more));
            }
            case SHORT_ANSWER -> {
                answers.add(SealedAnswerChecker.check(sealed, List.of("zzz not an answer")));
                answers.add(SealedAnswerChecker.check(sealed, List.of(original.acceptedAnswers().get(0) + " x")));
            }
            case NUMERIC -> {
                double beyond = 2 * original.tolerance() + 1;
                answers.add(SealedAnswerChecker.check(sealed, original.numericAnswer() + beyond));
                answers.add(SealedAnswerChecker.check(sealed, original.numericAnswer() - beyond));
                answers.add(SealedAnswerChecker.check(sealed, -original.numericAnswer() - beyond));
            }
        }
        return answers;
    }

    private static String wrongOption(Question question) {
        return question.options().stream().map(Option::id).filter(id -> !question.correctOptions().contains(id))
                .findFirst().orElseThrow();
    }
}
