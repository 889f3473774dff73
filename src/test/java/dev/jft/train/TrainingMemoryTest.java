package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.train.bench.ProcessMemory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Five short fine-tunes in a row must not keep native memory: every NDArray is closed. */
class TrainingMemoryTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void repeatedFineTunesDoNotGrowResidentMemory() throws IOException {
        // One long-lived manager holds all models, as in a notebook: anything the engine leaves
        // attached to it (instead of closing per step) would pile up across the runs.
        long growthMb;
        try (NDManager models = NDManager.newBaseManager()) {
            fineTune(models); // warm-up: native libraries, JIT, allocator pools
            long before = ProcessMemory.residentMb();
            for (int run = 0; run < 5; run++) {
                fineTune(models);
            }
            growthMb = ProcessMemory.residentMb() - before;
        }
        System.out.println("RSS growth over five fine-tunes: " + growthMb + " MB");
        assertTrue(growthMb < 300, "RSS grew by " + growthMb + " MB");
    }

    private static void fineTune(NDManager models) {
        var train = SyntheticData.sequences(64, 16, 3, 21);
        // Wide enough (256 x 256 layers, 64 x 16 tokens per batch) that a leak per step would show.
        TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 256, 3, 2, false, 0.1f);
        FineTuner.initialize(model, models, 1, train);
        try (FineTuner tuner = FineTuner.builder().model(model).trainData(BatchSource.rows(train, 16))
                .validationData(List.of(SyntheticData.sequences(16, 16, 3, 22))).epochs(2).learningRate(1e-3)
                .accumulationSteps(2).progress(false).build()) {
            tuner.fit();
        }
    }
}
