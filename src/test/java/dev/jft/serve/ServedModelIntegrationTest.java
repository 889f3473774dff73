package dev.jft.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.model.Pooling;
import dev.jft.model.Prediction;
import dev.jft.model.SequenceClassifier;
import dev.jft.model.TextClassifierPredictor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: all-MiniLM-L6-v2 with a seeded head, saved, loaded for serving, load-tested over HTTP. */
class ServedModelIntegrationTest {

    private static final List<String> TEXTS = List.of("What a wonderful film.", "Dull.",
            "I would not watch this again, the plot made no sense at all.");

    @TempDir
    static Path dir;
    static Path folder;
    static List<Prediction> before;

    @BeforeAll
    static void saveAModel() {
        folder = dir.resolve("minilm-test");
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2")
                    .labels("negative", "positive").pooling(Pooling.MEAN).seed(3).build(manager);
            try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 16, 8)) {
                before = predictor.predict(TEXTS);
            }
            classifier.save(folder);
        }
    }

    @Test
    void servesTheSavedModelOverHttpUnderLoad() throws Exception {
        try (ServedModel model = ServedModel.load(folder, 16, 32)) {
            ModelInfo info = model.info();
            assertEquals("minilm-test", info.name());
            assertEquals(List.of("negative", "positive"), info.labels());
            assertEquals(16, info.maxLength());
            assertEquals(12, info.version().length());
            assertEquals(info.version(), ServedModel.version(folder), "the version is a function of the files");

            List<ServedPrediction> served = model.classify(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertEquals(before.get(i).label(), served.get(i).prediction().label());
                assertEquals(before.get(i).probabilities()[1], served.get(i).prediction().probabilities()[1], 1e-6);
            }
            assertEquals(List.of(false, false, true), served.stream().map(ServedPrediction::truncated).toList(),
                    "the 14-word text is longer than 16 tokens");

            int port;
            try (PredictionServer server = PredictionServer.builder(model).start()) {
                port = server.port();
                LoadTest.Result result = LoadTest.run(server.uri(), 8, 125,
                        i -> "{\"texts\": [\"" + TEXTS.get(i % TEXTS.size()) + " " + i + "\"]}");
                assertEquals(1000, result.requests());
                assertEquals(0, result.errors(), "statuses " + result.statuses());
                BatchStats stats = server.stats();
                assertEquals(1000, stats.texts());
                assertTrue(stats.largestBatch() > 1 && stats.batches() < 1000,
                        "concurrent requests were gathered into batches: " + stats.batchSizes());
                assertNotEquals(0.0, result.percentile(0.99));
            }
            PredictionServerTest.assertPortFree(port);
        }
    }
}
