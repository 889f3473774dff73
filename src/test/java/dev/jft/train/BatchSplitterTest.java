package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jft.text.TokenBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    @Test
    void slicesAreConsecutiveAndNearlyEqual() {
        // 5 rows over 2 devices: [0,3) and [3,5); 7 over 3: 3 + 2 + 2
        List<int[]> two = BatchSplitter.ranges(5, 2);
        assertArrayEquals(new int[] {0, 3}, two.get(0));
        assertArrayEquals(new int[] {3, 5}, two.get(1));
        assertEquals(List.of(3, 2, 2), BatchSplitter.ranges(7, 3).stream().map(r -> r[1] - r[0]).toList());
        assertEquals(2, BatchSplitter.ranges(2, 4).size()); // never an empty slice
    }

    @Test
    void splitKeepsRowsAndLabelsTogether() {
        TokenBatch batch = SyntheticData.sequences(5, 4, 3, 1);
        List<TokenBatch> slices = BatchSplitter.split(batch, 2);
        assertEquals(3, slices.get(0).size());
        assertArrayEquals(batch.inputIds()[3], slices.get(1).inputIds()[0]);
        assertEquals(batch.labels()[4], slices.get(1).labels()[1]);
        assertEquals(1, BatchSplitter.split(batch, 1).size());
        TokenBatch tokens = SyntheticData.tokens(3, 4, 2);
        assertArrayEquals(tokens.tokenLabels()[2], BatchSplitter.split(tokens, 3).get(2).tokenLabels()[0]);
    }

    @Test
    void rejectsZeroParts() {
        assertThrows(IllegalArgumentException.class, () -> BatchSplitter.ranges(4, 0));
    }
}
