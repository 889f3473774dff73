package dev.jft.quiz.bank;

import java.util.List;

/**
 * The questions and exercises of one lesson, read from {@code quizzes/<lesson>/questions.json}.
 *
 * <pre>{@code
 * QuizBank bank = QuizBankParser.parse(Path.of("quizzes/00-welcome/questions.json")).bank();
 * }</pre>
 */
public record QuizBank(String lesson, String title, List<Question> questions, List<Exercise> exercises) {

    public QuizBank {
        questions = List.copyOf(questions);
        exercises = List.copyOf(exercises);
    }
}
