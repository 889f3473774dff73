package dev.jft.data;

/**
 * One labelled sentence of the UCI Sentiment Labelled Sentences.
 *
 * <pre>{@code
 * Sentence s = new Sentence("Wow... Loved this place.", "positive", "yelp");
 * }</pre>
 *
 * @param text   the sentence, surrounding white space removed
 * @param label  {@code "negative"} or {@code "positive"}
 * @param source {@code imdb}, {@code amazon} or {@code yelp}
 */
public record Sentence(String text, String label, String source) {
}
