package dev.jft.quiz.bank;

import java.util.List;
import java.util.Map;

/**
 * The questions and exercises of one lesson, read from {@code quizzes/<lesson>/questions.json}, with
 * each item's {@link AttemptPolicy} by id.
 *
 * <pre>{@code
 * QuizBank bank = QuizBankParser.parse(Path.of("quizzes/00-welcome/questions.json")).bank();
 * }</pre>
 */
public record QuizBank(String lesson, String title, List<Question> questions, List<Exercise> exercises,
                       Map<String, AttemptPolicy> policies) {

    public QuizBank {
        questions = List.copyOf(questions);
        exercises = List.copyOf(exercises);
        policies = Map.copyOf(policies);
    }

    /** The policy of the item {@code id}: its own, else the lesson's, else practice. */
    public AttemptPolicy policy(String id) {
        return policies.getOrDefault(id, AttemptPolicy.practice());
    }
}
