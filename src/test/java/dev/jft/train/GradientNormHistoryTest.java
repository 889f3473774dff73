package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.text.TokenBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every step records the global gradient norm before clipping, with clipping on or off. */
class GradientNormHistoryTest {

    private static final TokenBatch TRAIN = SyntheticData.sequences(32, 6, 3, 11);

    private static List<TrainingHistory.Step> steps(double clipNorm) {
        try (NDManager models = NDManager.newBaseManager()) {
            TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 1, false, 0f);
            FineTuner.initialize(model, models, 1, TRAIN);
            try (FineTuner tuner = FineTuner.builder().model(model).trainData(BatchSource.rows(TRAIN, 8))
                    .learningRate(0.01).clipNorm(clipNorm).epochs(1).device("cpu").progress(false).build()) {
                return tuner.fit().steps();
            }
        }
    }

    @Test
    void normsAreRecordedBeforeClipping() {
        List<TrainingHistory.Step> unclipped = steps(0);
        List<TrainingHistory.Step> clipped = steps(1e-4);
        assertEquals(4, unclipped.size());
        for (TrainingHistory.Step step : unclipped) {
            assertTrue(Double.isFinite(step.gradNorm()) && step.gradNorm() > 0, step.toString());
        }
        // The first step starts from the same weights either way: same gradient, same norm, far above the clip.
        assertEquals(unclipped.get(0).gradNorm(), clipped.get(0).gradNorm(), 1e-9);
        for (TrainingHistory.Step step : clipped) {
            assertTrue(step.gradNorm() > 1e-4, "the norm before clipping: " + step);
        }
        assertEquals(Double.NaN, new TrainingHistory.Step(1, 0, 0.5, 1e-5).gradNorm());
    }
}
