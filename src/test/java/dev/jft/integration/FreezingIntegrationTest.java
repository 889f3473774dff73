package dev.jft.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jft.model.ModelCatalog;
import dev.jft.model.ModelParameter;
import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.FineTuner;
import dev.jft.train.Freezing;
import dev.jft.train.ParameterGroups;
import dev.jft.train.bench.SentimentSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FineTuner's parameter groups and freezing acting on the real MiniLM classifier: which weights
 * a few real training steps move, compared bit for bit.
 */
@Tag("integration")
class FreezingIntegrationTest {

    private static List<TokenBatch> batches; // 2 batches of 16 real sentences

    private NDManager manager;
    private SequenceClassifier classifier;

    @BeforeAll
    static void encodeData() {
        SentimentSample sample = SentimentSample.stratified(32, 16, 3);
        String json = ModelCatalog.load("all-MiniLM-L6-v2").tokenizerJson();
        try (TextTokenizer tokenizer = TextTokenizer.builder(json).maxLength(64).padding(Padding.DYNAMIC).build()) {
            batches = SentimentSample.batches(tokenizer, sample.trainTexts(), sample.trainLabels(), 16);
        }
    }

    @BeforeEach
    void buildClassifier() {
        manager = NDManager.newBaseManager();
        classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2").labels(SentimentSample.LABELS)
                .seed(11).build(manager);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @AfterAll
    static void forgetData() {
        batches = null;
    }

    @Test
    void groupsFollowTheEncoderLayers() {
        ParameterGroups groups = ParameterGroups.of(classifier);
        Map<Integer, Integer> perLayer = new LinkedHashMap<>();
        for (Pair<String, Parameter> entry : classifier.getParameters()) {
            String name = entry.getKey();
            int layer = groups.layerOf(name);
            perLayer.merge(layer, 1, Integer::sum);
            boolean noDecay = name.endsWith("bias") || name.endsWith("beta") || name.endsWith("gamma")
                    || name.contains("LayerNorm");
            assertEquals(!noDecay, groups.decays(name, entry.getValue()), name);
        }
        assertEquals(Integer.valueOf(2), perLayer.get(ParameterGroups.HEAD), perLayer.toString());
        for (int layer = 0; layer < 6; layer++) {
            assertTrue(perLayer.containsKey(layer), "layer " + layer + " missing: " + perLayer);
        }
        assertTrue(perLayer.containsKey(ParameterGroups.BOTTOM), perLayer.toString());
        assertEquals(8, perLayer.size(), perLayer.toString());
    }

    @Test
    void linearProbeMovesOnlyTheHead() {
        Map<String, float[]> before = snapshot();
        train(1, Freezing.linearProbe());
        assertMoved(before, ModelParameter::head);
    }

    @Test
    void aFrozenEncoderStaysFrozenUnderTheDefaultFreezing() {
        classifier.freezeEncoder();
        Map<String, float[]> before = snapshot();
        train(1, null);
        assertMoved(before, ModelParameter::head);
    }

    @Test
    void gradualUnfreezingOpensTheTopLayerInTheSecondEpoch() {
        Map<String, float[]> before = snapshot();
        train(2, Freezing.gradualUnfreezing(6));
        assertMoved(before, p -> p.head() || p.layer() == 6); // ModelParameter depth 6 = top layer
    }

    private void train(int epochs, Freezing freezing) {
        FineTuner.Builder builder = FineTuner.builder().model(classifier).trainData(batches).epochs(epochs)
                .learningRate(1e-3).seed(5).progress(false);
        if (freezing != null) {
            builder.freezing(freezing);
        }
        try (FineTuner tuner = builder.build()) {
            tuner.fit();
        }
    }

    private Map<String, float[]> snapshot() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (ModelParameter p : classifier.modelParameters()) {
            weights.put(p.name(), p.parameter().getArray().toFloatArray());
        }
        return weights;
    }

    /** Parameters matching {@code moves} changed; every other one is bit-for-bit the same. */
    private void assertMoved(Map<String, float[]> before, Predicate<ModelParameter> moves) {
        for (ModelParameter p : classifier.modelParameters()) {
            float[] now = p.parameter().getArray().toFloatArray();
            if (moves.test(p)) {
                assertFalse(java.util.Arrays.equals(before.get(p.name()), now), p.name() + " should have moved");
            } else {
                assertArrayEquals(before.get(p.name()), now, p.name() + " should not have moved");
            }
        }
    }
}
