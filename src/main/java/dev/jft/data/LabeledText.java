package dev.jft.data;

/**
 * A text with its label, from a learner's own file.
 *
 * <pre>{@code
 * LabeledText t = new LabeledText("Great phone", "positive", 2);
 * }</pre>
 *
 * @param text  the text
 * @param label the label as written in the file
 * @param line  line of the file where the record starts
 */
public record LabeledText(String text, String label, long line) {
}
