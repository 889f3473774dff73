package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The predictor on the real MiniLM encoder with a fresh (untrained) head. */
class PredictorTest {

    private static final List<String> TEXTS = List.of("What a wonderful film.", "Dull.",
            "I would not watch this again, the plot made no sense at all.");
    private static NDManager manager;
    private static SequenceClassifier classifier;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager();
        classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2").labels("negative", "positive")
                .pooling(Pooling.MEAN).seed(1).build(manager);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void probabilitiesSumToOneAndBatchingDoesNotChangeThem() {
        List<Prediction> together;
        List<Prediction> oneByOne;
        try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 64, 8)) {
            together = predictor.predict(TEXTS);
        }
        try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 64, 1)) {
            oneByOne = predictor.predict(TEXTS);
        }
        assertEquals(3, together.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            Prediction p = together.get(i);
            assertEquals(1.0, p.probability("negative") + p.probability("positive"), 1e-5);
            assertEquals(p.label(), classifier.labels().name(p.classIndex()));
            assertEquals(p.probabilities()[0], oneByOne.get(i).probabilities()[0], 1e-5, "padding changed row " + i);
        }
    }

    @Test
    void emptyTextNamesItsPosition() {
        try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 64, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> predictor.predict(List.of("a", "b", "c", "")));
            assertTrue(e.getMessage().contains("text 2") && e.getMessage().contains("Row 1"), e.getMessage());
        }
    }
}
