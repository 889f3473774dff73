package dev.jft.text;

import java.util.Locale;

/**
 * How many inputs a maximum length cuts, and how long the longest input is before cutting.
 *
 * <pre>{@code
 * TruncationReport report = tokenizer.truncationReport(texts);
 * if (report.truncated() > 0) System.out.println(report);
 * }</pre>
 *
 * @param inputs number of texts looked at
 * @param truncated number of texts longer than {@code maxLength} tokens (special tokens included)
 * @param longest length in tokens of the longest text, before truncation
 * @param maxLength the maximum length applied
 */
public record TruncationReport(int inputs, int truncated, int longest, int maxLength) {

    /** Share of inputs that get cut. */
    public double truncatedFraction() {
        return inputs == 0 ? 0 : (double) truncated / inputs;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d of %d inputs (%.1f%%) are longer than %d tokens; the longest has %d",
                truncated, inputs, 100 * truncatedFraction(), maxLength, longest);
    }
}
