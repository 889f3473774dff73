package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BertConfigTest {

    @Test
    void jsonRoundTripUsesHuggingFaceKeys() {
        BertConfig config = TinyBert.CONFIG.withDropout(0.2, 0.05);
        String json = config.toJson().toString();
        for (String key : new String[] {"hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                "max_position_embeddings", "vocab_size", "type_vocab_size", "layer_norm_eps", "hidden_act",
                "hidden_dropout_prob", "attention_probs_dropout_prob", "architectures"}) {
            assertTrue(json.contains("\"" + key + "\""), key);
        }
        assertEquals(config, BertConfig.fromJson(json));
    }

    @Test
    void rejectsWhatTheEncoderCannotCompute() {
        String json = TinyBert.CONFIG.toJson().toString().replace("\"gelu\"", "\"gelu_new\"");
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class, () -> BertConfig.fromJson(json));
        assertTrue(act.getMessage().contains("gelu_new"), act.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new BertConfig(50, 10, 1, 3, 16, 32, 2, 1e-12, 0.1, 0.1));
        assertTrue(heads.getMessage().contains("3 attention heads"), heads.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TinyBert.CONFIG.withDropout(1.0, 0));
    }
}
