package dev.jft.text;

/**
 * How a batch is padded.
 *
 * <pre>{@code
 * TextTokenizer tokenizer = TextTokenizer.builder(json).maxLength(64).padding(Padding.DYNAMIC).build();
 * }</pre>
 */
public enum Padding {
    /** Pad each batch to its longest sequence: less work for short texts. */
    DYNAMIC,
    /** Pad every batch to the maximum length: every batch has the same shape. */
    FIXED
}
