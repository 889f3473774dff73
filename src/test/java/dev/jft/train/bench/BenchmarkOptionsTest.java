package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The inference block options: defaults, --quick, --blocks and its validation. */
class BenchmarkOptionsTest {

    @Test
    void defaultsTimeTenBlocksAndQuickFewer() {
        BenchmarkOptions defaults = BenchmarkOptions.parse();
        assertEquals(10, defaults.inferenceBlocks());
        assertEquals(3, defaults.inferenceRounds());
        BenchmarkOptions quick = BenchmarkOptions.parse("--quick");
        assertEquals(4, quick.inferenceBlocks());
        assertEquals(2, quick.inferenceRounds());
    }

    @Test
    void blocksAndRoundsAreSetIndependently() {
        BenchmarkOptions options = BenchmarkOptions.parse("--quick", "--blocks", "12", "--rounds", "1");
        assertEquals(12, options.inferenceBlocks());
        assertEquals(1, options.inferenceRounds());
        assertEquals(64, options.trainExamples(), "--quick still sets the other sizes");
    }

    @Test
    void rejectsBadBlockCounts() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--blocks", "0"));
        assertTrue(zero.getMessage().contains("--blocks >= 1"), zero.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--blocks", "ten"));
        assertTrue(notNumber.getMessage().contains("--blocks needs a whole number"), notNumber.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--blocks"));
        assertTrue(missing.getMessage().contains("[--blocks INFERENCE_BLOCKS]"), missing.getMessage());
    }
}
