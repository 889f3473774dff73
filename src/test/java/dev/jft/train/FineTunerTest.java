package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.jft.text.TokenBatch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunerTest {

    private static final TokenBatch TRAIN = SyntheticData.sequences(64, 6, 3, 11);
    private static final List<TokenBatch> VALIDATION = SyntheticData.batches(SyntheticData.sequences(32, 6, 3, 12), 16);

    @TempDir
    Path tmp;

    @Test
    void learnsASequenceClassificationTask() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            try (FineTuner tuner = base(model).epochs(4).build()) {
                TrainingHistory history = tuner.fit();
                assertEquals(4, history.epochs().size());
                assertEquals(32, history.steps().size()); // 64 rows / batch 8 * 4 epochs
                assertEquals(32, tuner.step());
                assertTrue(history.lastEpoch().validation().get("accuracy") > 0.9, history.toString());
                assertTrue(history.steps().get(31).loss() < history.steps().get(0).loss());
            }
        }
    }

    @Test
    void timesEveryStepByPhase() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            try (FineTuner tuner = base(model).epochs(3).build()) {
                tuner.fit(2);
                StepTimes times = tuner.stepTimes();
                assertEquals(16, times.steps());
                double phases = 0;
                for (StepTimes.Phase phase : StepTimes.Phase.values()) {
                    assertTrue(times.millisPerStep(phase) > 0, phase + ": " + times);
                    phases += times.millisPerStep(phase);
                }
                assertEquals(times.totalMillisPerStep(), phases + times.otherMillisPerStep(), 1e-9, times.toString());
                assertTrue(times.toString().startsWith("per step (16 steps): "), times.toString());
                tuner.fit(1);
                assertEquals(16, times.steps(), "stepTimes() is a snapshot");
                assertEquals(24, tuner.stepTimes().steps());
            }
        }
    }

    @Test
    void learnsATokenClassificationTaskIgnoringPadding() {
        TokenBatch train = SyntheticData.tokens(48, 6, 3);
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 16, 2, 1, true, 0f);
            FineTuner.initialize(model, models, 1, train);
            try (FineTuner tuner = FineTuner.builder().model(model).trainData(BatchSource.rows(train, 8))
                    .validationData(List.of(SyntheticData.tokens(16, 6, 4))).epochs(4).learningRate(0.05)
                    .progress(false).build()) {
                assertTrue(tuner.fit().lastEpoch().validation().get("accuracy") > 0.9);
            }
        }
    }

    @Test
    void accumulatingMicroBatchesEqualsOneBigBatch() {
        // Token labels with uneven padding: exact only because losses are summed and divided by the total count.
        TokenBatch big = SyntheticData.tokens(8, 6, 5);
        float[][] oneBatch = afterOneStep(List.of(big), 1);
        float[][] accumulated = afterOneStep(SyntheticData.batches(big, 3), 3); // 3 + 3 + 2 rows
        for (int i = 0; i < oneBatch.length; i++) {
            assertArrayEquals(oneBatch[i], accumulated[i], 1e-6f);
        }
    }

    @Test
    void splittingBatchesOverDeviceReplicasGivesTheSameUpdate() {
        // Two "devices" (both the CPU): slice 2 of every batch runs on a parameter replica and its
        // gradients are added to the model's. Same result as one device, up to float rounding.
        Map<String, float[]> oneDevice = afterAnEpochOn(List.of(Device.cpu()));
        Map<String, float[]> twoDevices = afterAnEpochOn(List.of(Device.cpu(), Device.cpu()));
        for (String name : oneDevice.keySet()) {
            assertArrayEquals(oneDevice.get(name), twoDevices.get(name), 1e-5f, name);
        }
    }

    @Test
    void slicesOnSeveralDevicesRunAtTheSameTime() {
        // Each slice's forward pass waits at a barrier for the other one: run one after another,
        // the first slice would wait alone and the barrier would time out.
        CyclicBarrier bothSlices = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            model.onTrainingForward(() -> {
                threads.add(Thread.currentThread().getName());
                try {
                    bothSlices.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other device's slice never ran alongside this one", e);
                }
            });
            try (FineTuner tuner = base(model).devices(List.of(Device.cpu(), Device.cpu())).epochs(1)
                    .validationData(null).build()) {
                assertEquals(8, tuner.fit().steps().size());
            }
        }
        assertEquals(2, threads.size(), threads.toString());
    }

    @Test
    void aFailingSliceOnAnotherDeviceFailsTheStepWithItsOwnError() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            model.onTrainingForward(() -> {
                if (Thread.currentThread().getName().equals("fine-tune-device")) {
                    throw new IllegalArgumentException("slice on device 1 failed");
                }
            });
            try (FineTuner tuner = base(model).devices(List.of(Device.cpu(), Device.cpu())).epochs(1)
                    .validationData(null).build()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tuner::fit);
                assertEquals("slice on device 1 failed", e.getMessage());
            }
        }
    }

    @Test
    void anInterruptDuringAStepStillWaitsForEveryDevicesSlice() {
        // The step frees its arrays when it ends, so it must not end while device 1's slice runs,
        // not even when the training thread is interrupted meanwhile.
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean interruptSent = new AtomicBoolean();
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            model.onTrainingForward(() -> {
                if (!Thread.currentThread().getName().equals("fine-tune-device")) {
                    if (!interruptSent.getAndSet(true)) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                started.incrementAndGet();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                finished.incrementAndGet();
            });
            try (FineTuner tuner = base(model).devices(List.of(Device.cpu(), Device.cpu())).epochs(1)
                    .validationData(null).build()) {
                try {
                    tuner.fit();
                } catch (RuntimeException reactionToTheInterrupt) {
                    // stopping is allowed; ending the step before its slices are done is not
                }
                assertEquals(started.get(), finished.get(), "a step ended while device 1's slice was running");
                assertTrue(started.get() > 0);
            } finally {
                Thread.interrupted(); // leave the test thread as it was
            }
        }
    }

    private Map<String, float[]> afterAnEpochOn(List<Device> devices) {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            Map<String, float[]> start = weights(model);
            try (FineTuner tuner = base(model).devices(devices).epochs(1).validationData(null).build()) {
                tuner.fit();
            }
            Map<String, float[]> end = weights(model);
            assertFalse(Arrays.equals(start.get("embedding"), end.get("embedding")));
            return end;
        }
    }

    @Test
    void linearProbeTrainsOnlyTheHead() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 2);
            Map<String, float[]> before = weights(model);
            try (FineTuner tuner = base(model).epochs(1).freezing(Freezing.linearProbe()).build()) {
                tuner.fit();
            }
            Map<String, float[]> after = weights(model);
            for (String name : before.keySet()) {
                boolean head = name.contains("classifier");
                assertEquals(head, !Arrays.equals(before.get(name), after.get(name)), name);
            }
        }
    }

    @Test
    void gradualUnfreezingOpensTheTopLayerFirst() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 2);
            try (FineTuner tuner = base(model).epochs(4).freezing(Freezing.gradualUnfreezing(2)).build()) {
                Map<String, float[]> start = weights(model);
                tuner.fit(1);
                assertChanged(start, weights(model), "classifier");
                Map<String, float[]> afterFirst = weights(model);
                tuner.fit(1);
                assertChanged(afterFirst, weights(model), "classifier", "layer_1");
                Map<String, float[]> afterSecond = weights(model);
                tuner.fit(1);
                assertChanged(afterSecond, weights(model), "classifier", "layer_1", "layer_0");
                Map<String, float[]> afterThird = weights(model);
                tuner.fit(1); // then what lies below the layers (by name: embedding, LayerNorm)
                assertChanged(afterThird, weights(model), "classifier", "layer_1", "layer_0", "LayerNorm", "embedding");
            }
        }
    }

    @Test
    void resumingAfterAnInterruptionGivesExactlyTheUninterruptedResult() {
        Map<String, float[]> straight;
        List<TrainingHistory.Step> straightSteps;
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            try (FineTuner tuner = resumable(model, tmp.resolve("straight")).build()) {
                straightSteps = tuner.fit().steps();
            }
            straight = weights(model);
        }
        Path dir = tmp.resolve("interrupted");
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            try (FineTuner tuner = resumable(model, dir).build()) {
                tuner.fit(1); // then the "kernel dies"
            }
        }
        assertEquals(1, Checkpoint.readState(dir).epochsDone());
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 7); // a different init: resume overwrites it
            try (FineTuner tuner = resumable(model, dir).build()) {
                tuner.resume(dir);
                TrainingHistory history = tuner.fit();
                assertEquals(straightSteps, history.steps());
                assertEquals(3, history.epochs().size());
            }
            Map<String, float[]> resumed = weights(model);
            for (String name : straight.keySet()) {
                assertArrayEquals(straight.get(name), resumed.get(name), 0f, name);
            }
        }
    }

    @Test
    void fitAfterAnInterruptContinuesExactlyAsAnUninterruptedRun() {
        Map<String, float[]> straight;
        List<TrainingHistory.Step> straightSteps;
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            try (FineTuner tuner = resumable(model, tmp.resolve("straight")).build()) {
                straightSteps = tuner.fit().steps();
            }
            straight = weights(model);
        }
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            AtomicInteger forwards = new AtomicInteger();
            model.onTrainingForward(() -> {
                int n = forwards.incrementAndGet();
                if (n == 6) { // step 3, second micro-batch: the first one's gradients are on the parameters
                    throw new IllegalStateException("stopped mid-step");
                }
                if (n == 13) { // epoch 2: the interrupt flag, as Kernel -> Interrupt sets it
                    Thread.currentThread().interrupt();
                }
            });
            try (FineTuner tuner = resumable(model, tmp.resolve("interrupted")).build()) {
                assertThrows(IllegalStateException.class, tuner::fit);
                assertEquals(2, tuner.step());
                CancellationException interrupt = assertThrows(CancellationException.class, tuner::fit);
                assertTrue(interrupt.getMessage().contains("fit()"), interrupt.getMessage());
                assertFalse(Thread.currentThread().isInterrupted());
                TrainingHistory history = tuner.fit();
                assertEquals(straightSteps, history.steps());
                assertEquals(3, history.epochs().size());
            } finally {
                Thread.interrupted();
            }
            assertSameWeights(straight, weights(model));
        }
    }

    @Test
    void resumingFromTheCheckpointAfterAnInterruptMidEpochIsExact() {
        Map<String, float[]> straight;
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            try (FineTuner tuner = resumable(model, tmp.resolve("straight")).build()) {
                tuner.fit();
            }
            straight = weights(model);
        }
        Path dir = tmp.resolve("interrupted");
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0.2f, 1);
            AtomicInteger forwards = new AtomicInteger();
            model.onTrainingForward(() -> {
                if (forwards.incrementAndGet() == 14) { // epoch 2, step 3, second micro-batch
                    throw new IllegalStateException("stopped mid-step");
                }
            });
            try (FineTuner tuner = resumable(model, dir).build()) {
                assertThrows(IllegalStateException.class, tuner::fit);
            }
            // The notebook still holds the model: a new tuner on it resumes from the checkpoint.
            try (FineTuner tuner = resumable(model, dir).build()) {
                tuner.resume(dir);
                tuner.fit();
            }
            assertSameWeights(straight, weights(model));
        }
    }

    @Test
    void labelsOutsideTheHeadAreRefusedBeforeTraining() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1); // 3 classes
            TokenBatch first = VALIDATION.get(0);
            int[] labels = first.labels().clone();
            labels[4] = 3; // a label seen only in validation
            List<TokenBatch> validation = List.of(VALIDATION.get(1),
                    new TokenBatch(first.inputIds(), first.attentionMask(), first.tokenTypeIds(), labels, null));
            try (FineTuner tuner = base(model).validationData(validation).build()) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, tuner::fit);
                assertEquals(0, tuner.step(), "refused before training");
                String message = error.getMessage();
                assertTrue(message.contains("Label id 3 in the validation data (batch 1, example 4)")
                        && message.contains("3 classes") && message.contains("does not occur in the training data")
                        && message.contains(".labels("), message);
            }
            int[] trainLabels = TRAIN.labels().clone();
            trainLabels[0] = -1;
            TokenBatch badTrain = new TokenBatch(TRAIN.inputIds(), TRAIN.attentionMask(), TRAIN.tokenTypeIds(),
                    trainLabels, null);
            try (FineTuner tuner = base(model).trainData(BatchSource.rows(badTrain, 8)).build()) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, tuner::fit);
                assertEquals(0, tuner.step());
                assertTrue(error.getMessage().contains("Label id -1 in the training data"), error.getMessage());
            }
        }
    }

    @Test
    void resumeRefusesACheckpointFromOtherSettings() {
        Path dir = tmp.resolve("other");
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            try (FineTuner tuner = resumable(model, dir).build()) {
                tuner.fit(1);
            }
            try (FineTuner tuner = resumable(model, dir).seed(99).build()) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> tuner.resume(dir));
                assertTrue(error.getMessage().contains("same seed"), error.getMessage());
            }
            try (FineTuner tuner = resumable(model, dir).build()) {
                assertThrows(IllegalArgumentException.class, () -> tuner.resume(tmp.resolve("nothing-here")));
            }
        }
    }

    @Test
    void nanLossStopsTrainingAndKeepsTheLastGoodCheckpoint() {
        Path dir = tmp.resolve("nan");
        try (NDManager models = NDManager.newBaseManager()) {
            PoisonedClassifier model = new PoisonedClassifier(new TinyClassifier(SyntheticData.VOCAB, 16, 3, 1, false, 0f), 10);
            FineTuner.initialize(model, models, 1, TRAIN);
            try (FineTuner tuner = base(model).epochs(3).checkpointDir(dir).build()) {
                TrainingDivergedException error = assertThrows(TrainingDivergedException.class, tuner::fit);
                assertTrue(error.getMessage().contains("NaN") && error.getMessage().contains("epoch 2")
                        && error.getMessage().contains(dir.toString()), error.getMessage());
                assertEquals(1, tuner.history().epochs().size());
            }
            assertEquals(1, Checkpoint.readState(dir).epochsDone());
            assertTrue(Checkpoint.latest(dir).endsWith("epoch-1"));
            for (float[] values : weights(model).values()) {
                for (float value : values) {
                    assertTrue(Float.isFinite(value), "weights must not be touched by the bad step");
                }
            }
        }
    }

    @Test
    void bestWeightsAreRestoredAtTheEnd() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            try (FineTuner tuner = base(model).epochs(4).learningRate(0.3).schedule(LrSchedule.Kind.CONSTANT)
                    .earlyStopping("loss", EarlyStopping.Goal.MINIMIZE, 2).build()) {
                TrainingHistory history = tuner.fit();
                double best = history.epochs().stream().mapToDouble(e -> e.validation().get("loss")).min().orElseThrow();
                double now = Evaluator.evaluate(model, VALIDATION, models).get("loss");
                assertEquals(best, now, 1e-6);
            }
        }
    }

    @Test
    void badSettingsGetClearErrors() {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = model(models, false, 0f, 1);
            assertThrows(IllegalArgumentException.class, () -> base(model).epochs(0).build());
            assertThrows(IllegalArgumentException.class, () -> base(model).accumulationSteps(0).build());
            assertThrows(IllegalArgumentException.class, () -> base(model).validationData(List.of()).build());
            assertThrows(NullPointerException.class, () -> FineTuner.builder().trainData(List.of(TRAIN)).build());
            assertThrows(IllegalArgumentException.class, () -> FineTuner.builder().model(model).trainData(List.of()).build());
            try (FineTuner tuner = base(model).earlyStopping("bleu", EarlyStopping.Goal.MAXIMIZE, 1).build()) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> tuner.fit(1));
                assertTrue(error.getMessage().contains("accuracy"), error.getMessage());
                assertEquals(0, tuner.step(), "an unknown metric is reported before training, not after an epoch");
            }
            TinyClassifier fresh = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
            try (FineTuner tuner = base(fresh).build()) {
                assertThrows(IllegalStateException.class, tuner::fit);
            }
        }
    }

    private float[][] afterOneStep(List<TokenBatch> batches, int accumulation) {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 8, 2, 1, true, 0f);
            FineTuner.initialize(model, models, 3, batches.get(0));
            try (FineTuner tuner = FineTuner.builder().model(model).trainData(BatchSource.fixed(batches))
                    .accumulationSteps(accumulation).epochs(1).learningRate(0.01).clipNorm(0.5).progress(false).build()) {
                tuner.fit();
                assertEquals(1, tuner.step());
            }
            return weights(model).values().toArray(new float[0][]);
        }
    }

    private static TinyClassifier model(NDManager manager, boolean tokens, float dropout, long seed) {
        TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 16, 3, 2, tokens, dropout);
        FineTuner.initialize(model, manager, seed, TRAIN);
        return model;
    }

    private static FineTuner.Builder base(Block model) {
        return FineTuner.builder().model(model).trainData(BatchSource.rows(TRAIN, 8)).validationData(VALIDATION)
                .learningRate(0.05).warmupSteps(2).device("cpu").seed(5).progress(false);
    }

    private static FineTuner.Builder resumable(Block model, Path dir) {
        return base(model).epochs(3).schedule(LrSchedule.Kind.COSINE).accumulationSteps(2).checkpointDir(dir)
                .earlyStopping("accuracy", EarlyStopping.Goal.MAXIMIZE, 0);
    }

    static Map<String, float[]> weights(Block model) {
        Map<String, float[]> weights = new TreeMap<>();
        model.getParameters().forEach(p -> weights.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return weights;
    }

    private static void assertSameWeights(Map<String, float[]> expected, Map<String, float[]> actual) {
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0f, name);
        }
    }

    private static void assertChanged(Map<String, float[]> before, Map<String, float[]> after, String... trained) {
        for (String name : before.keySet()) {
            boolean shouldChange = Arrays.stream(trained).anyMatch(name::contains);
            assertEquals(shouldChange, !Arrays.equals(before.get(name), after.get(name)), name);
        }
    }
}
