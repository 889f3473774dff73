package dev.jft.generate;

import dev.jft.text.Gpt2Tokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.BatchSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training and evaluation batches for next-token prediction, as {@link TokenBatch}es whose token
 * labels are the inputs shifted by one: the label at position t is the token at t + 1. Positions with
 * nothing to predict (padding, and the last token of a padded row) are labelled
 * {@link TokenBatch#IGNORE_LABEL}, so they do not count in the loss. Such batches train a
 * {@code Gpt2Decoder} with {@code FineTuner} as they are.
 *
 * <pre>{@code
 * int[] stream = CausalLmBatches.join(tokenizer, paragraphs);         // documents separated by <|endoftext|>
 * List<TokenBatch> train = CausalLmBatches.packed(stream, 64, 16);     // windows of 64 tokens, 16 per batch
 * TokenBatch one = CausalLmBatches.padded(List.of(ids1, ids2), tokenizer.endOfText());
 * }</pre>
 */
public final class CausalLmBatches {

    private CausalLmBatches() {}

    /** The documents' tokens in one stream, each document followed by {@code <|endoftext|>}. */
    public static int[] join(Gpt2Tokenizer tokenizer, List<String> documents) {
        int eot = tokenizer.endOfText();
        if (eot < 0) {
            throw new IllegalArgumentException("This tokenizer has no <|endoftext|> token to separate documents");
        }
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        for (String document : documents) {
            int[] ids = tokenizer.encode(document);
            parts.add(ids);
            total += ids.length + 1;
        }
        int[] stream = new int[total];
        int at = 0;
        for (int[] ids : parts) {
            System.arraycopy(ids, 0, stream, at, ids.length);
            at += ids.length;
            stream[at++] = eot;
        }
        return stream;
    }

    /**
     * The stream cut into windows of {@code length + 1} tokens (consecutive windows share one token):
     * inputs are a window's first {@code length} tokens, labels its last {@code length}, so every
     * position is labelled. Windows are grouped in order into batches of {@code batchSize} (the last
     * batch may be smaller); a tail shorter than a window is dropped.
     */
    public static List<TokenBatch> packed(int[] stream, int length, int batchSize) {
        if (length < 1 || batchSize < 1) {
            throw new IllegalArgumentException("length and batchSize must be at least 1, got " + length + " and "
                    + batchSize);
        }
        int windows = (stream.length - 1) / length;
        if (windows == 0) {
            throw new IllegalArgumentException("A stream of " + stream.length + " tokens is too short for one window of "
                    + length + " + 1 tokens: use a shorter length or more text");
        }
        List<TokenBatch> batches = new ArrayList<>();
        for (int first = 0; first < windows; first += batchSize) {
            int rows = Math.min(batchSize, windows - first);
            long[][] ids = new long[rows][length];
            int[][] labels = new int[rows][length];
            for (int r = 0; r < rows; r++) {
                int start = (first + r) * length;
                for (int t = 0; t < length; t++) {
                    ids[r][t] = stream[start + t];
                    labels[r][t] = stream[start + t + 1];
                }
            }
            batches.add(batch(ids, ones(rows, length), labels));
        }
        return batches;
    }

    /**
     * One batch of sequences of different lengths, padded on the right with {@code padId} (attention
     * mask 0 there). The label of position t is token t + 1 of the same sequence; the last token of each
     * sequence and the padding are {@link TokenBatch#IGNORE_LABEL}.
     */
    public static TokenBatch padded(List<int[]> sequences, int padId) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("Give at least one sequence");
        }
        int longest = 0;
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i).length < 2) {
                throw new IllegalArgumentException("Sequence " + i + " has " + sequences.get(i).length
                        + " token(s): next-token prediction needs at least 2");
            }
            longest = Math.max(longest, sequences.get(i).length);
        }
        int rows = sequences.size();
        long[][] ids = new long[rows][longest];
        long[][] mask = new long[rows][longest];
        int[][] labels = new int[rows][longest];
        for (int r = 0; r < rows; r++) {
            int[] sequence = sequences.get(r);
            Arrays.fill(ids[r], padId);
            Arrays.fill(labels[r], TokenBatch.IGNORE_LABEL);
            for (int t = 0; t < sequence.length; t++) {
                ids[r][t] = sequence[t];
                mask[r][t] = 1;
                if (t + 1 < sequence.length) {
                    labels[r][t] = sequence[t + 1];
                }
            }
        }
        return batch(ids, mask, labels);
    }

    /**
     * Training data for pretraining on a long stream: each epoch is {@code batchesPerEpoch} batches of
     * {@code batchSize} windows of {@code length + 1} tokens starting at random offsets (inputs and labels
     * shifted by one, as in {@link #packed}). The offsets depend only on (seed, epoch), so a run resumed
     * from a checkpoint sees the same batches as an uninterrupted one. An "epoch" here is just a run of
     * steps between two checkpoints, not a pass over the stream.
     *
     * <pre>{@code
     * BatchSource source = CausalLmBatches.randomWindows(stream, 128, 16, 100); // 100 steps per checkpoint
     * }</pre>
     */
    public static BatchSource randomWindows(int[] stream, int length, int batchSize, int batchesPerEpoch) {
        if (length < 1 || batchSize < 1 || batchesPerEpoch < 1) {
            throw new IllegalArgumentException("length, batchSize and batchesPerEpoch must be at least 1, got " + length
                    + ", " + batchSize + " and " + batchesPerEpoch);
        }
        if (stream.length < length + 1) {
            throw new IllegalArgumentException("A stream of " + stream.length + " tokens is too short for one window of "
                    + length + " + 1 tokens: use a shorter length or more text");
        }
        int[] tokens = stream.clone();
        int starts = tokens.length - length; // window [start, start + length] must fit
        return (epoch, seed) -> {
            // SplittableRandom mixes its seed: java.util.Random's first draws from adjacent seeds are
            // nearly equal, which would start every epoch's first window at about the same place.
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            List<TokenBatch> batches = new ArrayList<>(batchesPerEpoch);
            for (int b = 0; b < batchesPerEpoch; b++) {
                long[][] ids = new long[batchSize][length];
                int[][] labels = new int[batchSize][length];
                for (int r = 0; r < batchSize; r++) {
                    int start = random.nextInt(starts);
                    for (int t = 0; t < length; t++) {
                        ids[r][t] = tokens[start + t];
                        labels[r][t] = tokens[start + t + 1];
                    }
                }
                batches.add(batch(ids, ones(batchSize, length), labels));
            }
            return batches;
        };
    }

    /** Number of labelled positions (predicted tokens) in the batches. */
    public static long labelledTokens(List<TokenBatch> batches) {
        long n = 0;
        for (TokenBatch batch : batches) {
            for (int[] row : batch.tokenLabels()) {
                for (int label : row) {
                    if (label != TokenBatch.IGNORE_LABEL) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static TokenBatch batch(long[][] ids, long[][] mask, int[][] labels) {
        return new TokenBatch(ids, mask, new long[ids.length][ids[0].length], null, labels);
    }

    private static long[][] ones(int rows, int length) {
        long[][] mask = new long[rows][length];
        for (long[] row : mask) {
            Arrays.fill(row, 1);
        }
        return mask;
    }
}
