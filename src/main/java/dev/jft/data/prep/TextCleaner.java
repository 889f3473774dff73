package dev.jft.data.prep;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Cleans texts before tokenization, step by step, in the order the steps were chosen. Each step
 * is explicit so a lesson can show what it changes.
 *
 * <p>Lower-casing is off unless asked for: the pretrained models of this course use cased or
 * uncased vocabularies fixed at pre-training. For a cased model (e.g. BERT-base-cased), lower-casing
 * destroys signal the model learned ("Apple" the company vs "apple"; shouting in spam) and produces
 * token sequences it rarely saw. For an uncased model its tokenizer lower-cases anyway, so doing it
 * here gains nothing. Lower-case only for models trained from scratch or bag-of-words baselines.
 *
 * <pre>{@code
 * TextCleaner clean = TextCleaner.create().stripHtml().replaceUrls("[URL]").replaceEmails("[EMAIL]")
 *         .nfkc().collapseWhitespace();
 * clean.apply("<p>Mail me at a@b.org or see https://x.org/y</p>");   // "Mail me at [EMAIL] or see [URL]"
 * }</pre>
 */
public final class TextCleaner implements UnaryOperator<String> {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");
    private static final Pattern EMAIL = Pattern.compile("(?i)\\b[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<UnaryOperator<String>> steps;

    private TextCleaner(List<UnaryOperator<String>> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A cleaner with no steps yet (returns its input). */
    public static TextCleaner create() {
        return new TextCleaner(List.of());
    }

    /** HTML to text, NFKC, URLs and e-mail addresses replaced by placeholders, white space collapsed; case kept. */
    public static TextCleaner standard() {
        return create().stripHtml().nfkc().replaceUrls("[URL]").replaceEmails("[EMAIL]").collapseWhitespace();
    }

    private TextCleaner then(UnaryOperator<String> step) {
        List<UnaryOperator<String>> next = new ArrayList<>(steps);
        next.add(step);
        return new TextCleaner(next);
    }

    /** Replaces web addresses ({@code http(s)://}, {@code ftp://}, {@code www.}) by a placeholder ("" removes them). */
    public TextCleaner replaceUrls(String placeholder) {
        return then(t -> URL.matcher(t).replaceAll(java.util.regex.Matcher.quoteReplacement(placeholder)));
    }

    /** Replaces e-mail addresses by a placeholder ("" removes them). */
    public TextCleaner replaceEmails(String placeholder) {
        return then(t -> EMAIL.matcher(t).replaceAll(java.util.regex.Matcher.quoteReplacement(placeholder)));
    }

    /** Converts HTML to its visible text ({@link HtmlText#toText}) when the text looks like HTML. */
    public TextCleaner stripHtml() {
        return then(t -> HtmlText.looksLikeHtml(t) || t.contains("&") ? HtmlText.toText(t) : t);
    }

    /** Unicode NFKC: compatibility forms folded (full-width letters, ligatures "ﬁ" to "fi", "①" to "1"). */
    public TextCleaner nfkc() {
        return then(t -> Normalizer.normalize(t, Normalizer.Form.NFKC));
    }

    /** Runs of white space (line breaks included) become one space; ends trimmed. */
    public TextCleaner collapseWhitespace() {
        return then(t -> SPACES.matcher(t).replaceAll(" ").strip());
    }

    /** Lower-cases (locale-independent). Read the class comment first: usually wrong for cased models. */
    public TextCleaner lowercase() {
        return then(t -> t.toLowerCase(Locale.ROOT));
    }

    /** Applies the steps in order; null stays null. */
    @Override
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (UnaryOperator<String> step : steps) {
            out = step.apply(out);
        }
        return out;
    }
}
