package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.model.BertConfig;
import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand in the comment above it. */
class MemoryEstimateTest {

    /** vocab 100, hidden 8, 1 layer, 2 heads, intermediate 32, 16 positions, 2 token types. */
    private static BertConfig tiny(double dropout) {
        return new BertConfig(100, 8, 1, 2, 32, 16, 2, 1e-12, dropout, dropout);
    }

    private static final BertConfig MINILM = new BertConfig(30_522, 384, 6, 12, 1_536, 512, 2, 1e-12, 0.1, 0.1);

    @Test
    void parametersOfATinyEncoderAndHead() {
        // embeddings (100 + 16 + 2) x 8 + LayerNorm 2 x 8 = 960
        // layer: 4 x (8x8 + 8) = 288, intermediate 8x32 + 32 = 288, output 32x8 + 8 = 264, two LayerNorms 32: 872
        // head 8 x 3 + 3 = 27; total 960 + 872 + 27 = 1,859
        assertEquals(1_859, MemoryEstimate.parameters(tiny(0.1), 3));
    }

    @Test
    void weightsGradientsAndAdamWTakeSixteenBytesAParameter() {
        MemoryEstimate m = MemoryEstimate.of(tiny(0.1), 3, 2, 4);
        assertEquals(1_859 * 4, m.weightBytes());      // 7,436
        assertEquals(1_859 * 4, m.gradientBytes());    // 7,436
        assertEquals(1_859 * 8, m.optimizerBytes());   // 14,872: two moments
        assertEquals(29_744, m.fixedBytes());
    }

    @Test
    void activationsWithDropout() {
        // B 2, T 4: N = 8 positions, S = 2 x 2 heads x 4 x 4 = 64 scores, H 8, I 32
        // embeddings 5 x 8 x 8 = 320 + positions 4 x 8 = 32 + dropout 2 x 8 x 8 = 128 -> 480
        // layer 14 x 64 = 896 + 2 x 32 x 8 = 512 + 3 x 64 = 192 + hidden dropout 4 x 64 = 256 + attention dropout 128 -> 1,984
        // head 8 x 8 = 64; 2,528 numbers x 4 bytes = 10,112
        MemoryEstimate m = MemoryEstimate.of(tiny(0.1), 3, 2, 4);
        assertEquals(10_112, m.activationBytes());
        assertEquals(29_744 + 10_112, m.totalBytes());
    }

    @Test
    void activationsWithoutDropout() {
        // embeddings 320 + 32 = 352, layer 896 + 512 + 192 = 1,600, head 64: 2,016 numbers = 8,064 bytes
        assertEquals(8_064, MemoryEstimate.activationBytes(tiny(0), 2, 4));
    }

    @Test
    void allMiniLmAtBatch16And64Tokens() {
        // 22,565,376 encoder weights (README) + head 384 x 2 + 2 = 770
        MemoryEstimate m = MemoryEstimate.of(MINILM, 2, 16, 64);
        assertEquals(22_566_146, m.parameters());
        assertEquals(16L * 22_566_146, m.fixedBytes());
        // N = 1,024, S = 16 x 12 x 64 x 64 = 786,432
        // embeddings 7 x 384 x 1,024 + 64 x 384 = 2,777,088
        // layer 18 x 393,216 + 2 x 1,536 x 1,024 + 5 x 786,432 = 14,155,776, six layers 84,934,656
        // head 393,216; total 88,104,960 numbers = 352,419,840 bytes
        assertEquals(352_419_840L, m.activationBytes());
    }

    @Test
    void attentionGrowsWithTheSquareOfTheLength() {
        long at64 = MemoryEstimate.activationBytes(MINILM, 1, 64);
        long at128 = MemoryEstimate.activationBytes(MINILM, 1, 128);
        assertTrue(at128 > 2 * at64, at64 + " vs " + at128);
        // doubling the batch doubles everything except the T x H position rows
        assertEquals(2 * at64 - 4L * 64 * 384, MemoryEstimate.activationBytes(MINILM, 2, 64));
    }

    @Test
    void largestBatchThatFits() {
        // T 4: one example 5,120 bytes, each further one 4,992 (the 128 bytes of position rows are shared)
        BertConfig config = tiny(0.1);
        long fixed = 29_744;
        assertEquals(3, MemoryEstimate.largestBatch(config, 3, 4, fixed + 128 + 3 * 4_992));
        assertEquals(2, MemoryEstimate.largestBatch(config, 3, 4, fixed + 128 + 3 * 4_992 - 1));
        assertEquals(0, MemoryEstimate.largestBatch(config, 3, 4, fixed + 5_119));
        assertEquals(1, MemoryEstimate.largestBatch(config, 3, 4, fixed + 5_120));
        int batch = MemoryEstimate.largestBatch(MINILM, 2, 128, 16L << 30);
        assertTrue(MemoryEstimate.of(MINILM, 2, batch, 128).totalBytes() <= 16L << 30);
        assertTrue(MemoryEstimate.of(MINILM, 2, batch + 1, 128).totalBytes() > 16L << 30);
    }

    @Test
    void badSizesAreRefusedWithAReason() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> MemoryEstimate.of(MINILM, 2, 0, 64));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> MemoryEstimate.of(MINILM, 2, 8, 513));
        assertTrue(tooLong.getMessage().contains("512 positions"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.parameters(MINILM, 0));
    }

    @Test
    void printsMegabytes() {
        assertTrue(MemoryEstimate.of(MINILM, 2, 16, 64).toString()
                .startsWith("22,566,146 parameters: weights 90 MB + gradients 90 MB + AdamW 181 MB + activations 352 MB"));
    }
}
