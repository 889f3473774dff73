package dev.jft.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.answer.AnswerFeedback;
import dev.jft.quiz.answer.AnswerGrader;
import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizCatalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every question in the banks: the key scores full marks and a wrong answer scores zero. */
class QuestionKeyProofTest {

    static Stream<Question> questions() {
        return QuizCatalog.fromClasspath().banks().stream().flatMap(bank -> bank.questions().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void keyScoresFullMarks(Question question) {
        AnswerFeedback feedback = switch (question.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> AnswerGrader.grade(question, question.correctOptions());
            case NUMERIC -> AnswerGrader.grade(question, question.numericAnswer());
            case SHORT_ANSWER -> AnswerGrader.grade(question, List.of(question.acceptedAnswers().get(0)));
        };
        assertTrue(feedback.correct(), feedback::toString);
        assertEquals(question.points(), feedback.score(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void wrongAnswerScoresZero(Question question) {
        AnswerFeedback feedback = switch (question.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> AnswerGrader.grade(question, List.of(wrongOption(question)));
            case NUMERIC -> AnswerGrader.grade(question,
                    question.numericAnswer() + 2 * question.tolerance() + 1);
            case SHORT_ANSWER -> AnswerGrader.grade(question, List.of("zzz not an answer"));
        };
        assertFalse(feedback.correct(), feedback::toString);
        assertEquals(0, feedback.score(), 1e-9);
    }

    private static String wrongOption(Question question) {
        return question.options().stream().map(Option::id)
                .filter(id -> question.correctOptions().stream().noneMatch(id::equalsIgnoreCase))
                .findFirst().orElseThrow(() -> new AssertionError(question.id() + ": every option is keyed"));
    }
}
