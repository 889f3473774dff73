package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A notebook cell, an exercise test or a server worker runs on a thread other than the one that
 * started the engine, and PyTorch records gradients by default on every new thread. Training and
 * evaluation must work there all the same.
 */
class TrainingOnAnyThreadTest {

    @Test
    void fitsAndEvaluatesOnAFreshThread() throws Exception {
        Engine.getInstance(); // started on this thread, as the kernel starts it before any cell runs
        TrainingHistory history;
        boolean recordingLeftOn;
        ExecutorService cell = Executors.newSingleThreadExecutor();
        try (NDManager models = NDManager.newBaseManager()) {
            Future<TrainingHistory> run = cell.submit(() -> {
                TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 16, 3, 2, false, 0f);
                FineTuner.initialize(model, models, 1, SyntheticData.sequences(64, 6, 3, 11));
                try (FineTuner tuner = FineTuner.builder().model(model)
                        .trainData(BatchSource.rows(SyntheticData.sequences(64, 6, 3, 11), 8))
                        .validationData(SyntheticData.batches(SyntheticData.sequences(32, 6, 3, 12), 16))
                        .epochs(2).learningRate(0.05).device("cpu").seed(5).progress(false).build()) {
                    return tuner.fit();
                }
            });
            history = run.get(120, TimeUnit.SECONDS);
            recordingLeftOn = cell.submit(JniUtils::isGradMode).get();
        } finally {
            cell.shutdownNow();
        }
        assertEquals(16, history.steps().size());
        assertTrue(history.lastEpoch().validation().containsKey("accuracy"), history.toString());
        assertTrue(recordingLeftOn, "the thread's own mode is restored after training");
    }

    @Test
    void gradModeIsRestoredAfterDisabledWork() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            List<Boolean> modes = thread.submit(() -> {
                boolean inside = dev.jft.model.GradMode.disabled(JniUtils::isGradMode);
                return List.of(inside, JniUtils.isGradMode());
            }).get();
            assertEquals(List.of(false, true), modes);
        } finally {
            thread.shutdownNow();
        }
    }
}
