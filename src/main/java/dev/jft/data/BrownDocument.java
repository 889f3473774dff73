package dev.jft.data;

import java.util.List;

/**
 * One of the 500 text samples of the Brown corpus, with its genre and tagged sentences.
 *
 * <pre>{@code
 * BrownDocument doc = BrownData.load().records().get(0);
 * doc.id(); doc.genre(); doc.sentences().get(0).get(0).word();   // "ca01", "news", "The"
 * doc.prose();   // ordinary spacing: "He said, \"I don't know.\"" where text() has "He said , `` I do n't know . ''"
 * }</pre>
 *
 * @param id        file name, e.g. {@code ca01} (the letter after 'c' is the genre)
 * @param genre     one of the 15 categories of {@code cats.txt}, e.g. {@code news}, {@code romance}
 * @param sentences sentences as lists of tagged tokens
 */
public record BrownDocument(String id, String genre, List<List<TaggedToken>> sentences) {

    public BrownDocument {
        sentences = sentences.stream().map(List::copyOf).toList();
    }

    /** Number of tokens over all sentences. */
    public int tokenCount() {
        return sentences.stream().mapToInt(List::size).sum();
    }

    /** The words joined by spaces, one sentence per line: the input of genre classification. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (List<TaggedToken> sentence : sentences) {
            sentence.forEach(t -> out.append(t.word()).append(' '));
            out.setCharAt(out.length() - 1, '\n');
        }
        return out.toString().strip();
    }

    /**
     * {@link #text()} with Brown's tokenization undone, as ordinary prose is written: Brown writes
     * {@code word , word .}, {@code do n't} and {@code `` quoted ''}. Language models are trained on
     * (and prompted with) normal spacing.
     */
    public String prose() {
        return text()
                .replace("`` ", "\"").replace(" ''", "\"").replace("``", "\"").replace("''", "\"")
                .replaceAll(" ([,.;:!?%)])", "$1")
                .replaceAll("([($]) ", "$1")
                .replaceAll(" (n't|'s|'re|'ve|'ll|'d|'m)\\b", "$1");
    }
}
