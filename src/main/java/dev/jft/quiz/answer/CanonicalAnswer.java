package dev.jft.quiz.answer;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one spelling of an answer that sealed keys are made from and checked against: two answers the
 * instructor's grader treats as the same answer have the same canonical form. Option ids are sorted
 * and upper-cased; short answers are normalised as {@link ShortAnswerNormalizer#matches} compares
 * them; a number becomes the index of its cell on a grid (see {@link dev.jft.quiz.bank.SealedKey}).
 * Each form starts with its kind, so that no form is empty.
 *
 * <pre>{@code
 * CanonicalAnswer.choice(List.of("c", "A"));        // "choice:A,C"
 * CanonicalAnswer.shortAnswer("The Test-Set!");     // "text:testset"
 * CanonicalAnswer.numeric(0.8808, 0.000625);        // "cell:1409.0"
 * }</pre>
 */
public final class CanonicalAnswer {

    private CanonicalAnswer() {}

    /** A choice of option ids, in any order and case. */
    public static String choice(Collection<String> optionIds) {
        return "choice:" + optionIds.stream().map(id -> id.trim().toUpperCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(","));
    }

    /** A short answer: case, spaces, punctuation and a leading article do not count. */
    public static String shortAnswer(String text) {
        return "text:" + ShortAnswerNormalizer.normalize(text).replace(" ", "");
    }

    /** The cell of width {@code grid} that holds {@code value} (a finite number). */
    public static String numeric(double value, double grid) {
        return cell(Math.floor(value / grid));
    }

    /** Cell number {@code index} (a whole number), as {@link #numeric} spells it. */
    public static String cell(double index) {
        return "cell:" + (index + 0.0); // + 0.0 turns -0.0 into 0.0, the cell below 1 is one cell
    }
}
