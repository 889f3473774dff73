package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void everyEpochReplacesTheLatestAndKeepsOnlyIt() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
            var train = SyntheticData.sequences(16, 4, 3, 1);
            FineTuner.initialize(model, models, 1, train);
            assertFalse(Checkpoint.exists(dir), "nothing to resume from before the first epoch");
            try (FineTuner tuner = FineTuner.builder().model(model).trainData(List.of(train))
                    .validationData(List.of(train)).epochs(2).checkpointDir(dir).progress(false).build()) {
                tuner.fit();
            }
            assertTrue(Checkpoint.exists(dir));
            assertEquals(dir.resolve("epoch-2"), Checkpoint.latest(dir));
            assertFalse(Files.exists(dir.resolve("epoch-1")));
            Checkpoint.State state = Checkpoint.readState(dir);
            assertEquals(2, state.epochsDone());
            assertEquals(2, state.step());
            assertEquals(2, state.history().epochs().size());
            for (String file : List.of(Checkpoint.MODEL, Checkpoint.OPTIMIZER, Checkpoint.BEST, "state.json")) {
                assertTrue(Files.exists(dir.resolve("epoch-2").resolve(file)), file);
            }
            NDList saved = Checkpoint.readArrays(dir, Checkpoint.MODEL, models);
            assertArrayEquals(model.getParameters().get("embedding").getArray().toFloatArray(),
                    saved.stream().filter(a -> a.getName().equals("embedding")).findFirst().orElseThrow().toFloatArray());
        }
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedWithTheParameterName() {
        try (NDManager models = NDManager.newBaseManager()) {
            var sample = SyntheticData.sequences(2, 4, 3, 1);
            TinyClassifier small = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
            TinyClassifier wide = new TinyClassifier(SyntheticData.VOCAB, 16, 3, 1, false, 0f);
            FineTuner.initialize(small, models, 1, sample);
            FineTuner.initialize(wide, models, 1, sample);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Weights.restore(wide, Weights.copy(small, models)));
            assertTrue(error.getMessage().contains("'embedding'"), error.getMessage());
        }
    }
}
