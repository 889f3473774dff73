package dev.jft.train;

import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a batch into consecutive slices of nearly equal size (sizes differ by at most one), one per
 * device, for data-parallel training. Slices never come out empty: a batch smaller than the number
 * of parts gives fewer slices.
 *
 * <pre>{@code
 * List<TokenBatch> slices = BatchSplitter.split(batch, 2); // 5 rows -> 3 + 2
 * }</pre>
 */
public final class BatchSplitter {

    private BatchSplitter() {}

    /** Row ranges {@code [start, end)} of each slice of a batch of {@code size} rows. */
    public static List<int[]> ranges(int size, int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("Number of parts must be positive, got " + parts);
        }
        List<int[]> ranges = new ArrayList<>();
        int used = Math.min(parts, size);
        int start = 0;
        for (int i = 0; i < used; i++) {
            int length = size / used + (i < size % used ? 1 : 0);
            ranges.add(new int[] {start, start + length});
            start += length;
        }
        return ranges;
    }

    /** The batch cut into at most {@code parts} slices, labels included. */
    public static List<TokenBatch> split(TokenBatch batch, int parts) {
        List<TokenBatch> slices = new ArrayList<>();
        for (int[] range : ranges(batch.size(), parts)) {
            slices.add(rows(batch, range[0], range[1]));
        }
        return slices;
    }

    /** Rows {@code [from, to)} of a batch. */
    public static TokenBatch rows(TokenBatch batch, int from, int to) {
        return new TokenBatch(
                Arrays.copyOfRange(batch.inputIds(), from, to),
                Arrays.copyOfRange(batch.attentionMask(), from, to),
                Arrays.copyOfRange(batch.tokenTypeIds(), from, to),
                batch.labels() == null ? null : Arrays.copyOfRange(batch.labels(), from, to),
                batch.tokenLabels() == null ? null : Arrays.copyOfRange(batch.tokenLabels(), from, to));
    }
}
