package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.text.TokenBatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad settings fail before any training step, with a message that says what was wrong and what to
 * give instead. Each test checks both halves of the message.
 */
class FineTunerSettingsTest {

    private static final TokenBatch TRAIN = SyntheticData.sequences(32, 6, 3, 11);

    private NDManager models;
    private TinyClassifier model;

    @BeforeEach
    void model() {
        models = NDManager.newBaseManager();
        model = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
        FineTuner.initialize(model, models, 1, TRAIN);
    }

    @AfterEach
    void close() {
        models.close();
    }

    private FineTuner.Builder base() {
        return FineTuner.builder().model(model).trainData(BatchSource.rows(TRAIN, 8)).device("cpu").progress(false);
    }

    /** The call fails with an IllegalArgumentException whose message contains every phrase. */
    private static void refused(Executable call, String... phrases) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (String phrase : phrases) {
            assertTrue(error.getMessage().contains(phrase), "'" + phrase + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void batchSizeZero() {
        refused(() -> BatchSource.rows(TRAIN, 0), "Batch size must be at least 1", "got 0", "16 or 32");
        refused(() -> BatchSource.lengthBucketed(null, List.of("a review"), new int[] {1}, 0),
                "Batch size must be at least 1", "got 0");
    }

    @Test
    void negativeOrZeroEpochs() {
        refused(() -> base().epochs(-1).build(), "epochs must be at least 1", "got -1", ".epochs(3)");
        refused(() -> base().epochs(0).build(), "epochs must be at least 1", "got 0");
    }

    @Test
    void learningRateZeroOrBelow() {
        refused(() -> base().learningRate(0).build(), "learningRate must be a positive number", "got 0.0",
                ".learningRate(2e-5)");
        refused(() -> base().learningRate(-1e-5).build(), "learningRate must be a positive number", "got -1.0E-5");
        refused(() -> base().learningRate(Double.NaN).build(), "learningRate must be a positive number", "NaN");
    }

    @Test
    void accumulationZero() {
        refused(() -> base().accumulationSteps(0).build(), "accumulationSteps must be at least 1", "got 0",
                "1 = no accumulation");
    }

    @Test
    void emptyTrainingSet() {
        refused(() -> BatchSource.shuffled(List.of()), "Training data is empty", "at least one batch");
        refused(() -> BatchSource.lengthBucketed(null, List.of(), new int[0], 16), "training data is empty",
                "at least one labelled text");
        BatchSource nothing = (epoch, seed) -> List.of();
        refused(() -> base().trainData(nothing).build(), "The training data is empty", "at least one batch");
    }

    @Test
    void labelsOutsideTheHeadsRange() {
        int[] labels = TRAIN.labels().clone();
        labels[3] = 7; // the head has 3 classes
        TokenBatch bad = new TokenBatch(TRAIN.inputIds(), TRAIN.attentionMask(), TRAIN.tokenTypeIds(), labels, null);
        try (FineTuner tuner = base().trainData(BatchSource.fixed(List.of(bad))).build()) {
            refused(tuner::fit, "Label id 7 in the training data (batch 0, example 3)", "3 classes (ids 0..2)",
                    "Build the classifier with every label");
            assertEquals(0, tuner.step(), "refused before the first step");
        }
    }

    @Test
    void otherSettings() {
        refused(() -> base().warmupSteps(-3), "warmupSteps must be 0 or more", "got -3");
        refused(() -> base().epochs(2).warmupSteps(100).build(), "warmupSteps is 100", "only 8 optimizer steps",
                "4 batches per epoch x 2 epochs", "warmupRatio(0.1)");
        refused(() -> base().warmupRatio(1.5).build(), "warmupRatio must be in [0, 1]", "got 1.5");
        refused(() -> base().weightDecay(-0.01).build(), "weightDecay must be 0 or more", "got -0.01");
        refused(() -> base().clipNorm(-1).build(), "clipNorm must be 0 or more", "0 = no clipping");
        refused(() -> base().validationData(List.of(TRAIN)).earlyStopping("loss", EarlyStopping.Goal.MINIMIZE, -1)
                .build(), "patience must be 0 or more", "got -1");
        try (FineTuner tuner = base().build()) {
            refused(() -> tuner.fit(0), "needs at least 1, got 0", "call fit()");
            assertEquals(0, tuner.step());
        }
    }
}
