package dev.jft.quiz.bank;

import java.util.List;
import java.util.Optional;

/**
 * A question from a bank file. Which fields matter depends on {@link #kind()}: choice questions
 * use {@code options} and {@code correctOptions}; numeric ones {@code numericAnswer} and
 * {@code tolerance}; short answers {@code acceptedAnswers}. {@code explanation} is the general
 * explanation shown after answering (required for numeric and short-answer questions).
 * In a learner release ({@code ./course release}) the key fields are empty, the explanations too,
 * and {@code sealed} holds the key in the form that recognises a right answer without revealing it.
 *
 * <pre>{@code
 * Question q = QuizCatalog.fromClasspath().question("welcome-q1").orElseThrow();
 * q.kind(); // MULTIPLE_CHOICE
 * }</pre>
 */
public record Question(
        String id,
        String lesson,
        QuestionKind kind,
        String prompt,
        int points,
        List<Option> options,
        List<String> correctOptions,
        double numericAnswer,
        double tolerance,
        List<String> acceptedAnswers,
        String explanation,
        Optional<SealedKey> sealed) {

    public Question {
        options = List.copyOf(options);
        correctOptions = List.copyOf(correctOptions);
        acceptedAnswers = List.copyOf(acceptedAnswers);
    }

    /** The option with this id, ignoring case. */
    public Optional<Option> option(String optionId) {
        return options.stream().filter(option -> option.id().equalsIgnoreCase(optionId.trim())).findFirst();
    }
}
