package dev.jft.train;

import dev.jft.text.LengthBucketSampler;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The training batches of each epoch. The order depends only on the seed and the epoch number,
 * so a run resumed from a checkpoint sees exactly the batches an uninterrupted run would.
 *
 * <pre>{@code
 * BatchSource source = BatchSource.shuffled(batches);   // batch order reshuffled each epoch
 * BatchSource rows = BatchSource.rows(allRows, 16);     // rows reshuffled, then cut into batches
 * BatchSource bucketed = BatchSource.lengthBucketed(tokenizer, texts, labels, 16); // similar lengths together
 * }</pre>
 */
@FunctionalInterface
public interface BatchSource {

    /** The batches of {@code epoch} (0-based) for this seed. */
    List<TokenBatch> batches(int epoch, long seed);

    /** The same batches in the same order every epoch. */
    static BatchSource fixed(List<TokenBatch> batches) {
        List<TokenBatch> copy = nonEmpty(batches);
        return (epoch, seed) -> copy;
    }

    /** The given batches in a new random order each epoch. */
    static BatchSource shuffled(List<TokenBatch> batches) {
        List<TokenBatch> copy = nonEmpty(batches);
        return (epoch, seed) -> {
            List<TokenBatch> order = new ArrayList<>(copy);
            Collections.shuffle(order, epochRandom(epoch, seed));
            return order;
        };
    }

    /** The rows of one padded batch, shuffled each epoch and cut into batches of {@code batchSize}. */
    static BatchSource rows(TokenBatch all, int batchSize) {
        checkBatchSize(batchSize);
        nonEmpty(List.of(all));
        return (epoch, seed) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, epochRandom(epoch, seed));
            List<TokenBatch> batches = new ArrayList<>();
            for (int start = 0; start < order.size(); start += batchSize) {
                batches.add(pick(all, order.subList(start, Math.min(order.size(), start + batchSize))));
            }
            return batches;
        };
    }

    /**
     * Texts grouped by a {@link LengthBucketSampler} into batches of similar length, new groups
     * each epoch, encoded by {@code tokenizer} (with {@code Padding.DYNAMIC} each batch is padded
     * only to its own longest text, which is where bucketing saves time).
     */
    static BatchSource lengthBucketed(TextTokenizer tokenizer, List<String> texts, int[] labels, int batchSize) {
        checkBatchSize(batchSize);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("The training data is empty (no texts): give at least one labelled "
                    + "text.");
        }
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException("Give at least one text and one label per text, got " + texts.size()
                    + " texts and " + labels.length + " labels.");
        }
        List<String> textCopy = List.copyOf(texts);
        int[] labelCopy = labels.clone();
        int[] lengths = tokenizer.lengths(textCopy);
        return (epoch, seed) -> {
            List<TokenBatch> batches = new ArrayList<>();
            for (int[] rows : new LengthBucketSampler(batchSize, BUCKET_CHUNK_BATCHES, seed).batches(lengths, epoch)) {
                List<String> batchTexts = new ArrayList<>(rows.length);
                int[] batchLabels = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    batchTexts.add(textCopy.get(rows[i]));
                    batchLabels[i] = labelCopy[rows[i]];
                }
                batches.add(tokenizer.encode(batchTexts, batchLabels));
            }
            return batches;
        };
    }

    /** Batches sorted together by {@link #lengthBucketed}: tight lengths, still a random mix. */
    int BUCKET_CHUNK_BATCHES = 50;

    /** A generator whose draws depend only on (seed, epoch). */
    static Random epochRandom(int epoch, long seed) {
        return new Random(seed * 1_000_003L + epoch);
    }

    private static TokenBatch pick(TokenBatch all, List<Integer> rows) {
        int n = rows.size();
        long[][] ids = new long[n][];
        long[][] mask = new long[n][];
        long[][] types = new long[n][];
        int[] labels = all.labels() == null ? null : new int[n];
        int[][] tokenLabels = all.tokenLabels() == null ? null : new int[n][];
        for (int i = 0; i < n; i++) {
            int row = rows.get(i);
            ids[i] = all.inputIds()[row];
            mask[i] = all.attentionMask()[row];
            types[i] = all.tokenTypeIds()[row];
            if (labels != null) {
                labels[i] = all.labels()[row];
            }
            if (tokenLabels != null) {
                tokenLabels[i] = all.tokenLabels()[row];
            }
        }
        return new TokenBatch(ids, mask, types, labels, tokenLabels);
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1 (examples per batch), got " + batchSize
                    + ": 16 or 32 are usual when fine-tuning on a CPU.");
        }
    }

    private static List<TokenBatch> nonEmpty(List<TokenBatch> batches) {
        if (batches == null || batches.isEmpty() || batches.stream().anyMatch(b -> b == null || b.size() == 0)) {
            throw new IllegalArgumentException("Training data is empty (or holds an empty batch): give at least one "
                    + "batch with at least one labelled example.");
        }
        for (TokenBatch batch : batches) {
            if (batch.labels() == null && batch.tokenLabels() == null) {
                throw new IllegalArgumentException("A training batch has no labels: build it with labels or token labels.");
            }
        }
        return List.copyOf(batches);
    }
}
