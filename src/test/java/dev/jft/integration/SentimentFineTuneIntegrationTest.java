package dev.jft.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.model.HfCheckpoints;
import dev.jft.model.Pooling;
import dev.jft.model.Prediction;
import dev.jft.model.Safetensors;
import dev.jft.model.SequenceClassifier;
import dev.jft.model.TextClassifierPredictor;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.BatchSource;
import dev.jft.train.Evaluator;
import dev.jft.train.FineTuner;
import dev.jft.train.TrainingHistory;
import dev.jft.train.bench.SentimentSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tunes the real all-MiniLM-L6-v2 with a mean-pooling head on 320 real sentiment sentences
 * (dynamic padding, length bucketing, 2 epochs) once for the whole class, then checks what came out.
 */
@Tag("integration")
class SentimentFineTuneIntegrationTest {

    private static final int MAX_TOKENS = 64;
    private static final int BATCH = 16;

    private static NDManager manager;
    private static SequenceClassifier classifier;
    private static SentimentSample sample;
    private static double untrainedAccuracy;
    private static double trainedAccuracy;
    private static TrainingHistory history;

    @BeforeAll
    static void fineTune() {
        sample = SentimentSample.stratified(320, 160, 42);
        manager = NDManager.newBaseManager();
        classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2").labels(SentimentSample.LABELS)
                .pooling(Pooling.MEAN).seed(7).build(manager);
        try (TextTokenizer tokenizer = classifier.tokenizer(MAX_TOKENS, Padding.DYNAMIC)) {
            List<TokenBatch> validation = SentimentSample.batches(tokenizer, sample.validationTexts(),
                    sample.validationLabels(), BATCH);
            untrainedAccuracy = Evaluator.evaluate(classifier, validation, manager).get("accuracy");
            BatchSource train = BatchSource.lengthBucketed(tokenizer, sample.trainTexts(), sample.trainLabels(), BATCH);
            FineTuner.initialize(classifier, manager, 7, validation.get(0)); // keeps the pretrained weights
            try (FineTuner tuner = FineTuner.builder().model(classifier).trainData(train).validationData(validation)
                    .epochs(2).learningRate(5e-5).warmupRatio(0.1).seed(7).progress(false).build()) {
                history = tuner.fit();
            }
            trainedAccuracy = Evaluator.evaluate(classifier, validation, manager).get("accuracy");
        }
        System.out.printf("MiniLM sentiment, 320 train / 160 validation: accuracy untrained %.3f, fine-tuned %.3f%n",
                untrainedAccuracy, trainedAccuracy);
    }

    @AfterAll
    static void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void fineTuningReachesAGoodValidationAccuracy() {
        assertTrue(trainedAccuracy >= 0.80, "fine-tuned accuracy " + trainedAccuracy);
        assertTrue(trainedAccuracy > untrainedAccuracy + 0.1,
                "fine-tuned " + trainedAccuracy + " vs untrained head " + untrainedAccuracy);
        assertEquals(2, history.epochs().size());
    }

    @Test
    void aSavedClassifierLoadsBackWithIdenticalPredictions(@TempDir Path dir) throws Exception {
        classifier.save(dir);
        assertTrue(Files.isRegularFile(dir.resolve("config.json")));
        assertTrue(Files.isRegularFile(dir.resolve("tokenizer.json")));
        List<String> texts = sample.validationTexts().subList(0, 40);
        try (NDManager other = NDManager.newBaseManager()) {
            SequenceClassifier reloaded = SequenceClassifier.builder().encoder(dir).build(other);
            assertEquals(classifier.labels().names(), reloaded.labels().names());
            assertEquals(Pooling.MEAN, reloaded.pooling());
            try (TextClassifierPredictor before = new TextClassifierPredictor(classifier, MAX_TOKENS, BATCH);
                    TextClassifierPredictor after = new TextClassifierPredictor(reloaded, MAX_TOKENS, BATCH)) {
                List<Prediction> expected = before.predict(texts);
                List<Prediction> actual = after.predict(texts);
                for (int i = 0; i < texts.size(); i++) {
                    assertEquals(expected.get(i).label(), actual.get(i).label(), texts.get(i));
                    assertArrayEquals(expected.get(i).probabilities(), actual.get(i).probabilities(), 1e-6f, texts.get(i));
                }
            }
        }
    }

    @Test
    void savedTensorsCarryTransformersNames(@TempDir Path dir) throws Exception {
        classifier.save(dir);
        Set<String> names = Safetensors.read(dir.resolve("model.safetensors")).keySet();
        assertTrue(names.contains("bert.embeddings.word_embeddings.weight"), names.toString());
        assertTrue(names.contains("bert.embeddings.LayerNorm.weight"), names.toString());
        assertTrue(names.contains("bert.encoder.layer.5.attention.self.query.weight"), names.toString());
        assertTrue(names.contains("bert.encoder.layer.5.output.dense.bias"), names.toString());
        assertTrue(names.contains("classifier.weight"), names.toString());
        assertTrue(names.contains("classifier.bias"), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("bert.") || n.startsWith("classifier.")), names.toString());
        assertEquals(HfCheckpoints.load(dir).labels(), SentimentSample.LABELS);
    }
}
