package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuestionKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Grades answers against a question's key. Multiple-select questions give partial credit:
 * (right options chosen - wrong options chosen) / right options, never below zero.
 *
 * <pre>{@code
 * AnswerFeedback feedback = AnswerGrader.grade(question, List.of("B"));
 * feedback.score(); // 1.0 when B is the key
 * }</pre>
 */
public final class AnswerGrader {

    /** Numbers closer than this to the tolerance edge count as inside (decimal input is inexact). */
    public static final double ROUNDING_SLACK = 1e-9;

    private AnswerGrader() {}

    /** Grades a text answer: option ids for choice questions, free text for short answers. */
    public static AnswerFeedback grade(Question question, List<String> texts) {
        requireKey(question);
        return switch (question.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> gradeChoice(question, chosenOptions(question, texts));
            case SHORT_ANSWER -> gradeShort(question, shortAnswer(question, texts));
            case NUMERIC -> throw numberExpected(question, texts);
        };
    }

    /** Grades a number; only numeric questions take one. */
    public static AnswerFeedback grade(Question question, double value) {
        requireKey(question);
        if (question.kind() != QuestionKind.NUMERIC) {
            throw new AnswerFormatException(AnswerUsage.howToAnswer(question));
        }
        boolean correct = Math.abs(value - question.numericAnswer()) <= question.tolerance() + ROUNDING_SLACK;
        return new AnswerFeedback(question, format(value), correct ? question.points() : 0, correct);
    }

    /** A learner release's question has no key to grade by: say where grading happens instead. */
    private static void requireKey(Question question) {
        if (question.sealed().isPresent()) {
            throw new IllegalStateException("question " + question.id() + " comes from a learner release, which"
                    + " holds no keys: grade with the instructor's banks (GradeSubmissions in the instructor's tree)");
        }
    }

    /** Text given to a numeric question: says how to answer, and to drop the quotes around a number. */
    static AnswerFormatException numberExpected(Question question, List<String> texts) {
        boolean quotedNumber = texts.size() == 1 && texts.get(0) != null
                && texts.get(0).trim().matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
        return new AnswerFormatException(AnswerUsage.howToAnswer(question) + (quotedNumber ? " (without quotes)" : ""));
    }

    /** The options chosen, by their ids in the bank; refuses unknown, repeated or (multiple choice) several. */
    static Set<String> chosenOptions(Question question, List<String> texts) {
        if (question.kind() == QuestionKind.MULTIPLE_CHOICE && texts.size() != 1) {
            throw new AnswerFormatException(AnswerUsage.howToAnswer(question));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String text : texts) {
            Option option = question.option(text == null ? "" : text).orElseThrow(() -> new AnswerFormatException(
                    "question " + question.id() + " has no option \"" + text + "\"; its options are "
                            + AnswerUsage.optionIds(question) + ". " + AnswerUsage.howToAnswer(question)));
            if (!chosen.add(option.id())) {
                throw new AnswerFormatException("option " + option.id() + " is given twice; "
                        + AnswerUsage.howToAnswer(question));
            }
        }
        return chosen;
    }

    private static AnswerFeedback gradeChoice(Question question, Set<String> chosen) {
        Set<String> key = new LinkedHashSet<>();
        question.correctOptions().forEach(id -> key.add(question.option(id).map(Option::id).orElse(id)));
        long right = chosen.stream().filter(key::contains).count();
        long wrong = chosen.size() - right;
        double fraction = Math.max(0, (double) (right - wrong) / key.size());
        boolean correct = right == key.size() && wrong == 0;
        return new AnswerFeedback(question, String.join(", ", chosen), fraction * question.points(), correct,
                chosen);
    }

    /** The one non-blank text a short-answer question takes. */
    static String shortAnswer(Question question, List<String> texts) {
        if (texts.size() != 1 || texts.get(0) == null || texts.get(0).isBlank()) {
            throw new AnswerFormatException(AnswerUsage.howToAnswer(question));
        }
        return texts.get(0);
    }

    private static AnswerFeedback gradeShort(Question question, String given) {
        boolean correct = question.acceptedAnswers().stream()
                .anyMatch(accepted -> ShortAnswerNormalizer.matches(given, accepted));
        return new AnswerFeedback(question, given, correct ? question.points() : 0, correct);
    }

    /** A number as the gradebook records it: whole numbers without a decimal point. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
