package dev.jft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenLabelAlignerTest {

    private static final int I = TokenBatch.IGNORE_LABEL;

    @Test
    void firstSubwordKeepsTheLabel() {
        long[] wordIds = {-1, 0, 1, 2, 2, -1};
        assertArrayEquals(new int[] {I, 1, 0, 2, I, I, I, I},
                TokenLabelAligner.firstSubword(wordIds, new int[] {1, 0, 2}, 8));
    }

    @Test
    void tooFewWordLabelsFails() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenLabelAligner.firstSubword(new long[] {-1, 0, 1, -1}, new int[] {1}, 4));
    }
}
