package dev.jft.train;

import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Learnable synthetic data: the class is which of the marker tokens 1..classes occurs most. */
final class SyntheticData {

    static final int VOCAB = 12;

    private SyntheticData() {}

    /** {@code rows} examples of {@code length} tokens in one batch, sequence labels. */
    static TokenBatch sequences(int rows, int length, int classes, long seed) {
        Random random = new Random(seed);
        long[][] ids = new long[rows][length];
        long[][] mask = new long[rows][length];
        long[][] types = new long[rows][length];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int label = random.nextInt(classes);
            labels[r] = label;
            int used = length - random.nextInt(2); // some rows padded by one
            for (int t = 0; t < length; t++) {
                boolean real = t < used;
                mask[r][t] = real ? 1 : 0;
                ids[r][t] = !real ? 0 : random.nextInt(3) == 0 ? 1 + label : classes + 1 + random.nextInt(VOCAB - classes - 1);
            }
            ids[r][0] = 1 + label;
        }
        return new TokenBatch(ids, mask, types, labels, null);
    }

    /** Token labels: a token's class is 1 for markers (ids 1..3), 0 otherwise, -100 on padding. */
    static TokenBatch tokens(int rows, int length, long seed) {
        Random random = new Random(seed);
        long[][] ids = new long[rows][length];
        long[][] mask = new long[rows][length];
        long[][] types = new long[rows][length];
        int[][] labels = new int[rows][length];
        for (int r = 0; r < rows; r++) {
            int used = length - random.nextInt(3);
            for (int t = 0; t < length; t++) {
                boolean real = t < used;
                ids[r][t] = real ? 1 + random.nextInt(VOCAB - 1) : 0;
                mask[r][t] = real ? 1 : 0;
                labels[r][t] = !real ? TokenBatch.IGNORE_LABEL : ids[r][t] <= 3 ? 1 : 0;
            }
        }
        return new TokenBatch(ids, mask, types, null, labels);
    }

    /** Cuts one batch into batches of {@code size} rows in order. */
    static List<TokenBatch> batches(TokenBatch all, int size) {
        List<TokenBatch> batches = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            batches.add(BatchSplitter.rows(all, start, Math.min(all.size(), start + size)));
        }
        return batches;
    }
}
