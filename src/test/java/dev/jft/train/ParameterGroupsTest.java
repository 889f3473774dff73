package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGroupsTest {

    private final ParameterGroups groups = ParameterGroups.byName();

    @Test
    void biasesAndNormsDoNotDecay() {
        assertFalse(groups.decays("encoder.layer.0.attention.self.query.bias", null));
        assertFalse(groups.decays("encoder.layer.0.output.LayerNorm.weight", null));
        assertFalse(groups.decays("05LayerNorm_gamma", null));
        assertFalse(groups.decays("embeddings_layerNorm_beta", null));
        assertTrue(groups.decays("encoder.layer.0.attention.self.query.weight", null));
        assertTrue(groups.decays("classifier_weight", null));
    }

    @Test
    void layersAndHeadFromNames() {
        assertEquals(3, groups.layerOf("encoder.layer.3.output.dense.weight"));
        assertEquals(11, groups.layerOf("01encoder_12layer_11_attention_weight"));
        assertEquals(0, groups.layerOf("02layer_0_weight"));
        assertEquals(ParameterGroups.HEAD, groups.layerOf("07classifier_weight"));
        assertEquals(ParameterGroups.BOTTOM, groups.layerOf("embeddings.word_embeddings.weight"));
        assertEquals(ParameterGroups.BOTTOM, groups.layerOf("player_1_weight"));
    }

    @Test
    void realDjlNamesOfTheTestModelGroupAsExpected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyClassifier model = new TinyClassifier(SyntheticData.VOCAB, 8, 3, 2, false, 0f);
            FineTuner.initialize(model, manager, 1, SyntheticData.sequences(2, 4, 3, 1));
            Map<String, Integer> layers = new HashMap<>();
            Map<String, Boolean> decays = new HashMap<>();
            for (Pair<String, Parameter> entry : model.getParameters()) {
                layers.put(entry.getKey(), groups.layerOf(entry.getKey()));
                decays.put(entry.getKey(), groups.decays(entry.getKey(), entry.getValue()));
            }
            assertEquals(ParameterGroups.BOTTOM, layers.get("embedding"), layers.toString());
            assertEquals(1, layers.entrySet().stream().filter(e -> e.getKey().contains("layer_1")).findFirst().get().getValue());
            assertEquals(2, layers.values().stream().filter(l -> l == ParameterGroups.HEAD).count(), layers.toString());
            assertEquals(4, decays.values().stream().filter(d -> d).count(), decays.toString()); // embedding, 2 layers, head
        }
    }
}
