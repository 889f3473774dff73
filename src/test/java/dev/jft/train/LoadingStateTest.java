package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.jft.text.TokenBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading weights, optimizer state or a checkpoint that does not fit changes nothing. */
class LoadingStateTest {

    private static final TokenBatch TRAIN = SyntheticData.sequences(16, 6, 3, 11);

    @TempDir
    Path tmp;

    @Test
    void weightsThatDoNotFitLeaveTheModelAsItWas() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyClassifier model = model(manager, 1);
            Map<String, float[]> before = FineTunerTest.weights(model);
            NDList saved = Weights.copy(model(manager, 2), manager);
            NDArray last = saved.get(saved.size() - 1);
            NDArray wrong = manager.zeros(new Shape(last.size() + 1));
            wrong.setName(last.getName());
            NDList misfit = new NDList(saved.subNDList(0, saved.size() - 1)).addAll(new NDList(wrong));
            assertThrows(IllegalArgumentException.class, () -> Weights.restore(model, misfit));
            assertSame(before, FineTunerTest.weights(model));

            NDArray extra = manager.zeros(new Shape(2));
            extra.setName("pooler.weight");
            NDList withExtra = new NDList(saved).addAll(new NDList(extra));
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Weights.restore(model, withExtra));
            assertTrue(error.getMessage().contains("pooler.weight"), error.getMessage());
            assertSame(before, FineTunerTest.weights(model));
        }
    }

    @Test
    void optimizerStateFromAnotherOptimizerLeavesTheStateAsItWas() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AdamW adam = new AdamW(manager, 0.9, 0.999, 1e-8, 0.01);
            NDArray weight = manager.ones(new Shape(3));
            adam.update("w", weight, manager.ones(new Shape(3)), 0.1, true);
            adam.finishStep();
            NDArray foreign = manager.zeros(new Shape(3));
            foreign.setName("momentum:w");
            assertThrows(IllegalArgumentException.class, () -> adam.loadState(new NDList(foreign)));
            assertEquals(1, adam.step());
            assertEquals(3, adam.state().size(), "m:w, v:w and step are kept");
        }
    }

    @Test
    void aDamagedCheckpointStateNamesItsFile() throws Exception {
        Path dir = tmp.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyClassifier model = model(manager, 1);
            try (FineTuner tuner = FineTuner.builder().model(model).trainData(BatchSource.rows(TRAIN, 8)).epochs(1)
                    .device("cpu").progress(false).checkpointDir(dir).build()) {
                tuner.fit();
            }
        }
        Path state = Checkpoint.latest(dir).resolve(Checkpoint.STATE);
        Files.writeString(state, "{\"epochsDone\": 1,");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Checkpoint.readState(dir));
        assertTrue(error.getMessage().contains(state.toString()), error.getMessage());
    }

    private static TinyClassifier model(NDManager manager, long seed) {
        TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
        FineTuner.initialize(model, manager, seed, TRAIN);
        return model;
    }

    private static void assertSame(Map<String, float[]> expected, Map<String, float[]> actual) {
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0f, name);
        }
    }
}
