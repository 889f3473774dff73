package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomWeightsTest {

    private static final Checkpoint PRETRAINED = ModelCatalog.load("all-MiniLM-L6-v2");

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeightsAndTheShapeIsKept() {
        Checkpoint a = PRETRAINED.withRandomWeights(7);
        Checkpoint b = PRETRAINED.withRandomWeights(7);
        Checkpoint c = PRETRAINED.withRandomWeights(8);
        assertEquals(PRETRAINED.config(), a.config());
        assertEquals(PRETRAINED.tokenizerJson(), a.tokenizerJson());
        assertEquals(PRETRAINED.weights().keySet(), a.weights().keySet());
        assertEquals(PRETRAINED.parameterCount(), a.parameterCount());
        assertTrue(a.head().isEmpty() && a.labels().isEmpty());
        assertTrue(a.name().contains("random") && a.name().contains("7"), a.name());
        String dense = "encoder.layer.0.attention.self.query.weight";
        for (Map.Entry<String, FloatTensor> e : PRETRAINED.weights().entrySet()) {
            String name = e.getKey();
            assertArrayEquals(e.getValue().shape(), a.weights().get(name).shape(), name);
            assertArrayEquals(a.weights().get(name).data(), b.weights().get(name).data(), name);
        }
        assertFalse(Arrays.equals(a.weights().get(dense).data(), c.weights().get(dense).data()));
        assertFalse(Arrays.equals(a.weights().get(dense).data(), PRETRAINED.weights().get(dense).data()));
    }

    @Test
    void drawnAsHuggingFaceInitialisesBert() {
        Map<String, FloatTensor> w = PRETRAINED.withRandomWeights(1).weights();
        float[] dense = w.get("encoder.layer.2.intermediate.dense.weight").data();
        double sum = 0;
        double squares = 0;
        for (float x : dense) {
            sum += x;
            squares += x * x;
        }
        double mean = sum / dense.length;
        assertEquals(0, mean, 1e-3);
        assertEquals(0.02, Math.sqrt(squares / dense.length - mean * mean), 5e-4);
        for (float x : w.get("encoder.layer.2.output.LayerNorm.weight").data()) {
            assertEquals(1f, x);
        }
        for (String zero : new String[] {"encoder.layer.2.output.LayerNorm.bias", "encoder.layer.2.output.dense.bias",
                "embeddings.LayerNorm.bias"}) {
            for (float x : w.get(zero).data()) {
                assertEquals(0f, x, zero);
            }
        }
        assertTrue(w.get("embeddings.word_embeddings.weight").data()[1000] != 0f);
    }

    @Test
    void fromScratchIsOneBuilderOption() {
        Checkpoint expected = PRETRAINED.withRandomWeights(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier scratch = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2").randomWeights(7)
                    .labels("negative", "positive").build(manager);
            SequenceClassifier pretrained = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2")
                    .labels("negative", "positive").build(manager);
            assertEquals(PRETRAINED.config(), scratch.encoder().config());
            Map<String, FloatTensor> weights = scratch.encoder().weights();
            assertEquals(expected.weights().keySet(), weights.keySet());
            String dense = "encoder.layer.5.output.dense.weight";
            assertArrayEquals(expected.weights().get(dense).data(), weights.get(dense).data());
            assertFalse(Arrays.equals(pretrained.encoder().weights().get(dense).data(), weights.get(dense).data()));
            assertEquals(pretrained.modelParameters().size(), scratch.modelParameters().size());
            // same head seed, same head: only the encoder differs
            assertArrayEquals(pretrained.checkpoint("p").head().get("classifier.weight").data(),
                    scratch.checkpoint("s").head().get("classifier.weight").data());
        }
    }
}
