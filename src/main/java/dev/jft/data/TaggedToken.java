package dev.jft.data;

/**
 * A word with its Brown corpus part-of-speech tag.
 *
 * <pre>{@code
 * TaggedToken t = TaggedToken.parse("Atlanta's/np$");
 * t.word(); t.tag(); t.isProperNoun();   // "Atlanta's", "np$", true
 * }</pre>
 *
 * @param word the word as written
 * @param tag  the Brown tag in lower case, e.g. {@code nn}, {@code np-tl}, {@code vbd}
 */
public record TaggedToken(String word, String tag) {

    /** Label of the proper-noun task for proper nouns. */
    public static final String PROPN = "PROPN";
    /** Label of the proper-noun task for every other token. */
    public static final String OTHER = "O";

    /** Splits {@code word/tag} at the last slash (words may contain slashes, e.g. {@code 1/2/cd}). */
    public static TaggedToken parse(String token) {
        int slash = token.lastIndexOf('/');
        if (slash <= 0 || slash == token.length() - 1) {
            throw new IllegalArgumentException("expected word/tag, found '" + token + "'");
        }
        return new TaggedToken(token.substring(0, slash), token.substring(slash + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * True for the proper-noun tags {@code np}, {@code np$}, {@code nps}, {@code nps$} and their
     * title/headline variants ({@code np-tl}, {@code np-hl}) and contractions ({@code np+bez}).
     */
    public boolean isProperNoun() {
        return tag.startsWith("np");
    }

    /** {@link #PROPN} or {@link #OTHER}: the label of the named-entity-like task. */
    public String properNounLabel() {
        return isProperNoun() ? PROPN : OTHER;
    }
}
