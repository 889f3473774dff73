package dev.jft.quiz.answer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises short answers so that case, spacing, punctuation and a leading article do not
 * matter: {@code "The Test-Set!"} and {@code "test set"} compare equal.
 *
 * <pre>{@code
 * ShortAnswerNormalizer.normalize("  The  Fine-Tuning. "); // "finetuning"
 * }</pre>
 */
public final class ShortAnswerNormalizer {

    private ShortAnswerNormalizer() {}

    /** Lower case, punctuation removed (hyphens join words), spaces collapsed, no leading a/an/the. */
    public static String normalize(String answer) {
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = text.replaceAll("[\\p{P}\\p{S}&&[^\\s]]", "");
        text = text.replaceAll("\\s+", " ").trim();
        return text.replaceFirst("^(a|an|the) ", "");
    }

    /** Whether {@code answer} matches {@code accepted} once both are normalised. */
    public static boolean matches(String answer, String accepted) {
        return normalize(answer).equals(normalize(accepted));
    }
}
