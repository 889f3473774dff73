package dev.jft.train;

import dev.jft.model.BertConfig;

/**
 * How much memory full fine-tuning of a BERT encoder with a classification head needs, in bytes,
 * everything in float32 (4 bytes a number), before you run it:
 *
 * <ul>
 *   <li><b>weights</b>: every parameter once;
 *   <li><b>gradients</b>: one number per trained parameter;
 *   <li><b>optimizer</b>: AdamW's two running averages (first and second moment) per trained parameter;
 *   <li><b>activations</b>: the tensors one forward pass creates, which grow with the batch size B
 *       and the sequence length T (linearly, except attention, which grows with T squared).
 * </ul>
 *
 * <p>The first three do not depend on the batch: 16 bytes per parameter. Activations are counted
 * as this engine makes them: DJL keeps every array a forward pass creates until the step's
 * manager closes after the backward pass, so every intermediate result counts, not only what
 * autograd saves. With N = B x T token positions, H the hidden size, I the intermediate size, A
 * the heads and S = B x A x T x T attention scores, in numbers (4 bytes each):
 * <ul>
 *   <li>embeddings: 5 H N (word and token-type rows, two sums, LayerNorm) + T H (position rows);
 *   <li>each layer: 14 H N (fused query/key/value 3, scaled query 1, key and value made contiguous
 *       for the matrix products 2, attention output before and after its reshape 2, output dense,
 *       residual sum and LayerNorm twice 6) + 2 I N (intermediate dense, GELU) + 3 S (scores, scores
 *       plus mask, softmax);
 *   <li>dropout, while its rate is above 0: its output and its mask (on the CPU PyTorch keeps the
 *       mask as float32) for 2 H N in the embeddings, 4 H N per layer (two hidden dropouts) and 2 S
 *       per layer (attention dropout);
 *   <li>head: H N for mean pooling's masked product; terms without T (pooled vectors, logits) are
 *       left out, being thousands of times smaller.
 * </ul>
 * The backward pass adds short-lived gradient buffers (about one layer's activations at a time),
 * and a process adds its own base (the JVM, the native libraries): measure them, as lesson 04 does.
 *
 * <pre>{@code
 * BertConfig miniLm = new BertConfig(30_522, 384, 6, 12, 1_536, 512, 2, 1e-12, 0.1, 0.1);
 * MemoryEstimate m = MemoryEstimate.of(miniLm, 2, 16, 64);
 * m.parameters();        // 22,566,146 (encoder 22,565,376 + head 770)
 * m.fixedBytes();        // 361,058,336: weights + gradients + AdamW, 16 bytes per parameter
 * m.activationBytes();   // 352,419,840: batch 16 x 64 tokens
 * MemoryEstimate.largestBatch(miniLm, 2, 128, 16L << 30);  // the biggest batch that fits in 16 GiB
 * }</pre>
 */
public record MemoryEstimate(long parameters, long weightBytes, long gradientBytes, long optimizerBytes,
        long activationBytes) {

    /** Bytes of one float32 number. */
    public static final int FLOAT_BYTES = 4;

    /** Weights + gradients + optimizer state: what training needs whatever the batch. */
    public long fixedBytes() {
        return weightBytes + gradientBytes + optimizerBytes;
    }

    /** Everything: fixed part plus activations. */
    public long totalBytes() {
        return fixedBytes() + activationBytes;
    }

    /** The estimate for full fine-tuning (every parameter trains) of {@code config} with a {@code classes}-way head. */
    public static MemoryEstimate of(BertConfig config, int classes, int batchSize, int sequenceLength) {
        long parameters = parameters(config, classes);
        long weights = (long) FLOAT_BYTES * parameters;
        return new MemoryEstimate(parameters, weights, weights, 2 * weights,
                activationBytes(config, batchSize, sequenceLength));
    }

    /** Parameters of the encoder (no pooler) plus a linear head of {@code classes} outputs. */
    public static long parameters(BertConfig config, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("The head needs at least 1 class, got " + classes + ".");
        }
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        long embeddings = ((long) config.vocabSize() + config.maxPositions() + config.typeVocabSize()) * h + 2 * h;
        long layer = 4 * (h * h + h) + (h * i + i) + (i * h + h) + 2 * 2 * h;
        return embeddings + config.numLayers() * layer + (h * classes + classes);
    }

    /** Bytes of the activations of one training forward pass over a batch of {@code batchSize} x {@code sequenceLength} tokens. */
    public static long activationBytes(BertConfig config, int batchSize, int sequenceLength) {
        if (batchSize < 1 || sequenceLength < 1) {
            throw new IllegalArgumentException("Batch size and sequence length must be at least 1, got " + batchSize
                    + " and " + sequenceLength + ".");
        }
        if (sequenceLength > config.maxPositions()) {
            throw new IllegalArgumentException("Sequence length " + sequenceLength + " is more than the model's "
                    + config.maxPositions() + " positions: truncate to at most that.");
        }
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        long t = sequenceLength;
        long n = (long) batchSize * t;
        long scores = (long) batchSize * config.numHeads() * t * t;
        boolean hiddenDropout = config.hiddenDropout() > 0;
        boolean attentionDropout = config.attentionDropout() > 0;
        long embeddings = 5 * h * n + t * h + (hiddenDropout ? 2 * h * n : 0);
        long layer = 14 * h * n + 2 * i * n + 3 * scores + (hiddenDropout ? 4 * h * n : 0)
                + (attentionDropout ? 2 * scores : 0);
        long head = h * n;
        return FLOAT_BYTES * (embeddings + config.numLayers() * layer + head);
    }

    /**
     * The largest batch size whose estimate fits in {@code budgetBytes} at this sequence length;
     * 0 when not even one example fits.
     */
    public static int largestBatch(BertConfig config, int classes, int sequenceLength, long budgetBytes) {
        long fixed = of(config, classes, 1, sequenceLength).fixedBytes();
        long one = activationBytes(config, 1, sequenceLength);
        long perExample = activationBytes(config, 2, sequenceLength) - one; // all but the position rows grow with B
        long free = budgetBytes - fixed - (one - perExample);
        return free < perExample ? 0 : (int) Math.min(Integer.MAX_VALUE, free / perExample);
    }

    /** Megabytes (10^6 bytes), for printing. */
    public static double mb(long bytes) {
        return bytes / 1e6;
    }

    @Override
    public String toString() {
        return String.format("%,d parameters: weights %.0f MB + gradients %.0f MB + AdamW %.0f MB + activations %.0f MB"
                + " = %.0f MB", parameters, mb(weightBytes), mb(gradientBytes), mb(optimizerBytes),
                mb(activationBytes), mb(totalBytes()));
    }
}
