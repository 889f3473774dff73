package dev.jft.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.model.FloatTensor;
import dev.jft.model.Gpt2Checkpoint;
import dev.jft.model.Gpt2Checkpoints;
import dev.jft.model.Gpt2Config;
import dev.jft.text.Gpt2Tokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.BatchSource;
import dev.jft.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pretraining's checkpoint cadence, samples, saved model, and resume after a stop (tiny model, seconds). */
class PretrainingTest {

    private static final Gpt2Tokenizer TOKENIZER = Gpt2Tokenizer.gpt2();

    /** 1 layer of width 8 with GPT-2's vocabulary; 3 checkpoints of 3 steps of 2 windows of 8 tokens. */
    private static PretrainPlan tinyPlan() {
        Gpt2Config config = new Gpt2Config(50257, 8, 8, 1, 2, 16, 1e-5, 0, 0, 0);
        return new PretrainPlan(config, 2, 3, 3, 1e-2, 2, 7, 2, true);
    }

    private static PretrainCorpus tinyCorpus() {
        String text = "It is a truth universally acknowledged, that a single man in possession of a good fortune,"
                + " must be in want of a wife.";
        return new PretrainCorpus("test", CausalLmBatches.join(TOKENIZER, Collections.nCopies(6, text)),
                CausalLmBatches.join(TOKENIZER, List.of(text, "However little known the feelings or views of such a man")));
    }

    @Test
    void aCheckpointAndASampleEveryNSteps(@TempDir Path dir) {
        PretrainPlan plan = tinyPlan();
        List<Long> seen = new ArrayList<>();
        Pretraining.Result result = Pretraining.run(plan, dir, tinyCorpus(), TOKENIZER, s -> seen.add(s.step()));
        assertEquals(List.of(3L, 6L, 9L), seen, "one checkpoint after every 3 steps");
        assertEquals(List.of(0L, 3L, 6L, 9L), result.samples().stream().map(Pretraining.Sample::step).toList(),
                "a sample before training and at every checkpoint");
        assertTrue(result.samples().stream().allMatch(s -> s.text().startsWith(PretrainPlan.SAMPLE_PROMPT)));
        assertEquals(9, result.history().steps().size());
        assertEquals(3, result.history().epochs().size(), "held-out loss at every checkpoint");
        assertEquals(9, Checkpoint.readState(dir.resolve(Pretraining.CHECKPOINTS)).step());
        assertEquals(9, result.stepsTrainedNow());

        // Done: the model folder loads as a GPT-2 with the trained weights, and a second call only loads.
        assertTrue(Pretraining.isDone(dir));
        Gpt2Checkpoint saved = Gpt2Checkpoints.load(dir.resolve(Pretraining.MODEL));
        assertEquals(plan.config(), saved.config());
        assertArrayEquals(result.checkpoint().weights().get("h.0.mlp.c_fc.weight").data(),
                saved.weights().get("h.0.mlp.c_fc.weight").data());
        Pretraining.Result loaded = Pretraining.load(dir);
        assertFalse(loaded.trainedNow());
        assertEquals(result.samples(), loaded.samples());
        assertEquals(9, loaded.history().steps().size());
    }

    /** A run stopped right after its first checkpoint (as by a kill) continues there and ends as an uninterrupted one. */
    @Test
    void aStoppedRunResumesFromItsLastCheckpoint(@TempDir Path whole, @TempDir Path stopped) {
        PretrainPlan plan = tinyPlan();
        Pretraining.Result uninterrupted = Pretraining.run(plan, whole, tinyCorpus(), TOKENIZER, s -> {});

        RuntimeException kill = assertThrows(RuntimeException.class, () -> Pretraining.run(plan, stopped, tinyCorpus(),
                TOKENIZER, s -> {
                    throw new IllegalStateException("killed after step " + s.step());
                }));
        assertEquals("killed after step 3", kill.getMessage());
        assertFalse(Pretraining.isDone(stopped));
        assertEquals(3, Checkpoint.readState(stopped.resolve(Pretraining.CHECKPOINTS)).step());
        assertThrows(IllegalArgumentException.class, () -> Pretraining.load(stopped), "an unfinished run does not load");

        List<Long> seen = new ArrayList<>();
        Pretraining.Result resumed = Pretraining.run(plan, stopped, tinyCorpus(), TOKENIZER, s -> seen.add(s.step()));
        assertEquals(List.of(6L, 9L), seen, "only the steps after the last checkpoint are trained again");
        assertEquals(9, resumed.history().steps().size(), "the history of the first run is kept");
        assertEquals(6, resumed.stepsTrainedNow());
        assertEquals(texts(uninterrupted), texts(resumed), "the same samples at the same steps");
        for (Map.Entry<String, FloatTensor> weight : uninterrupted.checkpoint().weights().entrySet()) {
            assertArrayEquals(weight.getValue().data(), resumed.checkpoint().weights().get(weight.getKey()).data(), 1e-6f,
                    weight.getKey());
        }
    }

    private static List<String> texts(Pretraining.Result result) {
        return result.samples().stream().map(s -> s.step() + ": " + s.text()).toList();
    }

    @Test
    void randomWindowsDependOnSeedAndEpochOnly() {
        int[] stream = new int[100];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = i;
        }
        BatchSource source = CausalLmBatches.randomWindows(stream, 5, 3, 4);
        List<TokenBatch> epoch0 = source.batches(0, 42);
        assertEquals(4, epoch0.size());
        TokenBatch first = epoch0.get(0);
        assertEquals(3, first.size());
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(first.inputIds()[r][t] + 1, first.tokenLabels()[r][t], "labels are the next tokens");
            }
        }
        assertArrayEquals(first.inputIds()[0], source.batches(0, 42).get(0).inputIds()[0], "same seed and epoch");
        assertNotEquals(first.inputIds()[0][0], source.batches(1, 42).get(0).inputIds()[0][0], "another epoch");
        assertThrows(IllegalArgumentException.class, () -> CausalLmBatches.randomWindows(new int[] {1, 2}, 5, 3, 4));
    }

    @Test
    void badPlansAndFoldersFailClearly(@TempDir Path dir) {
        Gpt2Config config = tinyPlan().config();
        assertThrows(IllegalArgumentException.class, () -> new PretrainPlan(config, 2, 3, 3, 1e-2, 50, 7, 2, true));
        IllegalArgumentException notDone = assertThrows(IllegalArgumentException.class, () -> Pretraining.load(dir));
        assertTrue(notDone.getMessage().contains("./course pretrain"), notDone.getMessage());
        assertNotEquals(PretrainPlan.full().name(), PretrainPlan.fast().name());
        assertTrue(Files.notExists(dir.resolve(Pretraining.DONE)));
    }
}
