package dev.jft.text;

/**
 * Turns word-level labels into token-level labels: the first sub-word token of each word gets the
 * word's label; later sub-words, special tokens and padding get {@link TokenBatch#IGNORE_LABEL}
 * (as Hugging Face's token classification examples do).
 *
 * <pre>{@code
 * // words "Jane lives in Aukland" -> tokens [CLS] jane lives in auk ##land [SEP]
 * int[] tokens = TokenLabelAligner.firstSubword(wordIds, new int[] {1, 0, 0, 2}, 7);
 * // -> [-100, 1, 0, 0, 2, -100, -100]
 * }</pre>
 */
public final class TokenLabelAligner {

    private TokenLabelAligner() {}

    /**
     * @param wordIds word index of each token, -1 for special tokens (as the tokenizer reports)
     * @param wordLabels one label per word
     * @param length the padded length of the output
     */
    public static int[] firstSubword(long[] wordIds, int[] wordLabels, int length) {
        int[] out = new int[length];
        java.util.Arrays.fill(out, TokenBatch.IGNORE_LABEL);
        long previous = -1;
        for (int t = 0; t < Math.min(length, wordIds.length); t++) {
            long word = wordIds[t];
            if (word >= 0 && word != previous) {
                if (word >= wordLabels.length) {
                    throw new IllegalArgumentException("Token " + t + " belongs to word " + word + " but only "
                            + wordLabels.length + " word labels were given");
                }
                out[t] = wordLabels[(int) word];
            }
            previous = word;
        }
        return out;
    }
}
