/**
 * From text to padded token batches: {@link dev.jft.text.TextTokenizer} (explicit truncation and
 * dynamic or fixed {@link dev.jft.text.Padding}), {@link dev.jft.text.LengthBucketSampler},
 * {@link dev.jft.text.TruncationReport} and word-to-token label alignment
 * ({@link dev.jft.text.TokenLabelAligner}); GPT-2's byte-level BPE, read from its own files
 * ({@link dev.jft.text.Gpt2Tokenizer}).
 *
 * <pre>{@code
 * try (TextTokenizer tokenizer = TextTokenizer.builder(json).maxLength(64).build()) {
 *     int[] lengths = tokenizer.lengths(texts);
 *     for (int[] rows : new LengthBucketSampler(16, 50, 42).batches(lengths, epoch)) {
 *         TokenBatch batch = tokenizer.encode(pick(texts, rows), pick(labels, rows));
 *     }
 * }
 * }</pre>
 */
package dev.jft.text;
