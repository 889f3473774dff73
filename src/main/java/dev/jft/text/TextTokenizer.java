package dev.jft.text;

import dev.jft.course.Json;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into padded {@link TokenBatch}es with a Hugging Face {@code tokenizer.json}.
 *
 * <p>The padding and truncation written in the tokenizer file are ignored (the shipped files pad
 * everything to 128): this class truncates to {@code maxLength} and pads as chosen, either to the
 * longest text of each batch ({@link Padding#DYNAMIC}) or to {@code maxLength} ({@link Padding#FIXED}).
 * Not thread-safe with respect to {@link #close()}; encoding itself may be shared.
 *
 * <pre>{@code
 * try (TextTokenizer tokenizer = TextTokenizer.builder(checkpoint.tokenizerJson()).maxLength(64).build()) {
 *     TokenBatch batch = tokenizer.encode(List.of("great film", "dull"), new int[] {1, 0});
 *     TruncationReport report = tokenizer.truncationReport(allTexts);
 * }
 * }</pre>
 */
public final class TextTokenizer implements AutoCloseable {

    private final String json;
    private final int maxLength;
    private final Padding padding;
    private final long padId;
    private final HuggingFaceTokenizer truncating;
    private HuggingFaceTokenizer untruncated; // created when a truncation report is asked for

    private TextTokenizer(Builder builder) {
        this.json = builder.json;
        this.maxLength = builder.maxLength;
        this.padding = builder.padding;
        this.padId = padId(json);
        this.truncating = open(json, Map.of("padding", "false", "truncation", "true",
                "maxLength", Integer.toString(maxLength)));
    }

    /** A builder for the tokenizer defined by {@code tokenizerJson} (the content of tokenizer.json). */
    public static Builder builder(String tokenizerJson) {
        return new Builder(tokenizerJson);
    }

    public int maxLength() {
        return maxLength;
    }

    public Padding padding() {
        return padding;
    }

    /** Encodes texts for inference (no labels). */
    public TokenBatch encode(List<String> texts) {
        return encode(texts, null);
    }

    /** Encodes texts with one class label per text ({@code labels} may be null for inference). */
    public TokenBatch encode(List<String> texts, int[] labels) {
        if (labels != null && labels.length != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
        }
        Encoding[] encodings = encodeAll(texts);
        long[][][] arrays = pad(encodings);
        return new TokenBatch(arrays[0], arrays[1], arrays[2], labels == null ? null : labels.clone(), null);
    }

    /**
     * The texts cut in order into batches of {@code batchSize}, each encoded with its labels, for
     * evaluation: {@code Evaluator.evaluate(model, tokenizer.batches(testTexts, testLabels, 32), manager)}.
     */
    public List<TokenBatch> batches(List<String> texts, int[] labels, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, got " + batchSize);
        }
        if (labels.length != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
        }
        List<TokenBatch> batches = new java.util.ArrayList<>();
        for (int start = 0; start < texts.size(); start += batchSize) {
            int end = Math.min(texts.size(), start + batchSize);
            batches.add(encode(texts.subList(start, end), java.util.Arrays.copyOfRange(labels, start, end)));
        }
        return batches;
    }

    /**
     * Encodes pre-split words with one label per word; the first sub-word of each word keeps the
     * word's label, every other token gets {@link TokenBatch#IGNORE_LABEL}.
     */
    public TokenBatch encodeWords(List<List<String>> sentences, List<int[]> wordLabels) {
        if (wordLabels.size() != sentences.size()) {
            throw new IllegalArgumentException(sentences.size() + " sentences but " + wordLabels.size()
                    + " label rows");
        }
        Encoding[] encodings = new Encoding[sentences.size()];
        for (int row = 0; row < sentences.size(); row++) {
            List<String> words = sentences.get(row);
            if (words.size() != wordLabels.get(row).length) {
                throw new IllegalArgumentException("Row " + row + ": " + words.size() + " words but "
                        + wordLabels.get(row).length + " labels");
            }
            requireText(row, String.join(" ", words));
            encodings[row] = truncating.encode(words.toArray(String[]::new), true, false);
        }
        long[][][] arrays = pad(encodings);
        int length = arrays[0].length == 0 ? 0 : arrays[0][0].length;
        int[][] tokenLabels = new int[encodings.length][];
        for (int row = 0; row < encodings.length; row++) {
            tokenLabels[row] = TokenLabelAligner.firstSubword(encodings[row].getWordIds(), wordLabels.get(row), length);
        }
        return new TokenBatch(arrays[0], arrays[1], arrays[2], null, tokenLabels);
    }

    /** Token count of each text after truncation (for length bucketing). */
    public int[] lengths(List<String> texts) {
        Encoding[] encodings = encodeAll(texts);
        int[] lengths = new int[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            lengths[i] = encodings[i].getIds().length;
        }
        return lengths;
    }

    /** How many texts {@code maxLength} cuts, and the longest length before cutting. */
    public synchronized TruncationReport truncationReport(List<String> texts) {
        if (untruncated == null) {
            untruncated = open(json, Map.of("padding", "false", "truncation", "false"));
        }
        int truncated = 0;
        int longest = 0;
        for (int row = 0; row < texts.size(); row++) {
            int length = untruncated.encode(requireText(row, texts.get(row))).getIds().length;
            longest = Math.max(longest, length);
            if (length > maxLength) {
                truncated++;
            }
        }
        return new TruncationReport(texts.size(), truncated, longest, maxLength);
    }

    private Encoding[] encodeAll(List<String> texts) {
        for (int row = 0; row < texts.size(); row++) {
            requireText(row, texts.get(row));
        }
        return truncating.batchEncode(texts);
    }

    private static String requireText(int row, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Row " + row + " has " + (text == null ? "no" : "an empty")
                    + " text: remove or fill empty rows before tokenizing");
        }
        return text;
    }

    /** Input ids, attention mask and token type ids, padded as configured. */
    private long[][][] pad(Encoding[] encodings) {
        int longest = 0;
        for (Encoding e : encodings) {
            longest = Math.max(longest, e.getIds().length);
        }
        int length = padding == Padding.FIXED ? maxLength : longest;
        long[][] ids = new long[encodings.length][length];
        long[][] mask = new long[encodings.length][length];
        long[][] types = new long[encodings.length][length];
        for (int row = 0; row < encodings.length; row++) {
            long[] rowIds = encodings[row].getIds();
            java.util.Arrays.fill(ids[row], padId);
            System.arraycopy(rowIds, 0, ids[row], 0, rowIds.length);
            System.arraycopy(encodings[row].getAttentionMask(), 0, mask[row], 0, rowIds.length);
            System.arraycopy(encodings[row].getTypeIds(), 0, types[row], 0, rowIds.length);
        }
        return new long[][][] {ids, mask, types};
    }

    private static long padId(String json) {
        JsonElement padding = Json.parse(json).getAsJsonObject().get("padding");
        if (padding instanceof JsonObject p && p.has("pad_id")) {
            return p.get("pad_id").getAsLong();
        }
        return 0;
    }

    private static HuggingFaceTokenizer open(String json, Map<String, String> options) {
        try {
            return HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read tokenizer.json", e);
        }
    }

    @Override
    public synchronized void close() {
        truncating.close();
        if (untruncated != null) {
            untruncated.close();
        }
    }

    /** Options of a {@link TextTokenizer}. */
    public static final class Builder {
        private final String json;
        private int maxLength = 128;
        private Padding padding = Padding.DYNAMIC;

        private Builder(String json) {
            if (json == null || json.isBlank()) {
                throw new IllegalArgumentException("tokenizer.json content is empty");
            }
            this.json = json;
        }

        /** Longest sequence in tokens, special tokens included (default 128). */
        public Builder maxLength(int maxLength) {
            if (maxLength < 2) {
                throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], got " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** {@link Padding#DYNAMIC} (default) or {@link Padding#FIXED}. */
        public Builder padding(Padding padding) {
            this.padding = java.util.Objects.requireNonNull(padding, "padding");
            return this;
        }

        public TextTokenizer build() {
            return new TextTokenizer(this);
        }
    }
}
