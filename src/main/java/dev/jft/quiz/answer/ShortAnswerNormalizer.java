package dev.jft.quiz.answer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises short answers so that case, spacing, punctuation and a leading article do not
 * matter: {@code "The Test-Set!"}, {@code "test set"} and {@code "testset"} all match.
 *
 * <pre>{@code
 * ShortAnswerNormalizer.normalize("  The  Fine-Tuning. "); // "fine tuning"
 * ShortAnswerNormalizer.matches("finetuning", "fine-tuning"); // true
 * }</pre>
 */
public final class ShortAnswerNormalizer {

    private ShortAnswerNormalizer() {}

    /** Lower case, punctuation turned into spaces, spaces collapsed, no leading a/an/the. */
    public static String normalize(String answer) {
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = text.replaceAll("[\\p{P}\\p{S}]", " ");
        text = text.replaceAll("\\s+", " ").trim();
        return text.replaceFirst("^(a|an|the) ", "");
    }

    /** Whether {@code answer} matches {@code accepted} once both are normalised, spaces ignored. */
    public static boolean matches(String answer, String accepted) {
        return normalize(answer).replace(" ", "").equals(normalize(accepted).replace(" ", ""));
    }
}
