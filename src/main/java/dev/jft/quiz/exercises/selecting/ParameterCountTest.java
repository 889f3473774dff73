package dev.jft.quiz.exercises.selecting;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise selecting-parameter-count: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ParameterCountTest {

    /** all-MiniLM-L6-v2 as the course loads it (no pooler): counted from its weights. */
    static final long MINILM_L6 = 22_565_376L;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("no layers: the embeddings alone")
    void embeddingsOnly() {
        assertCount(960, config(100, 8, 0, 32, 16, 2));
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("one layer")
    void oneLayer() {
        assertCount(1_832, config(100, 8, 1, 32, 16, 2));
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("all-MiniLM-L6-v2's config gives the 22,565,376 weights counted in the notebook")
    void miniLm() {
        assertCount(MINILM_L6, config(30_522, 384, 6, 1_536, 512, 2));
    }

    /** A config.json's size keys. */
    static Map<String, Integer> config(int vocab, int hidden, int layers, int intermediate, int positions,
            int typeVocab) {
        return Map.of("vocab_size", vocab, "hidden_size", hidden, "num_hidden_layers", layers,
                "intermediate_size", intermediate, "max_position_embeddings", positions,
                "type_vocab_size", typeVocab);
    }

    /** Runs the submission on {@code config}, and explains the usual mistakes when it is off. */
    static void assertCount(long expected, Map<String, Integer> config) {
        @SuppressWarnings("unchecked")
        ToLongFunction<Map<String, Integer>> count = Submission.get(ToLongFunction.class);
        long actual = count.applyAsLong(config);
        if (actual == expected) {
            return;
        }
        long h = config.get("hidden_size");
        long layers = config.get("num_hidden_layers");
        long i = config.get("intermediate_size");
        long missing = expected - actual;
        String hint;
        if (missing == layers * 4 * h && layers > 0) {
            hint = "each layer has two LayerNorms (after attention and after the feed-forward part), each with a"
                    + " scale and a shift of hidden_size numbers";
        } else if (missing == 2 * h) {
            hint = "the embeddings end with a LayerNorm too: a scale and a shift of hidden_size numbers";
        } else if (missing == layers * (5 * h + i) && layers > 0) {
            hint = "count the biases: every dense layer has one bias per output (query, key, value, attention"
                    + " output, intermediate, output)";
        } else if (missing == -(h * h + h)) {
            hint = "leave out the pooler: the course's encoders have none";
        } else if (actual < 0 || (actual > 0 && actual < Integer.MAX_VALUE && expected > Integer.MAX_VALUE)) {
            hint = "the count overflowed: multiply in long, not int";
        } else {
            hint = "list the tensors: word, position and token type tables (each rows x hidden_size) and a"
                    + " LayerNorm; then per layer query, key, value and attention output (hidden x hidden plus a"
                    + " bias each), a LayerNorm, intermediate (hidden x intermediate plus bias), output"
                    + " (intermediate x hidden plus bias) and a LayerNorm";
        }
        fail("config " + new java.util.TreeMap<>(config) + " should give " + expected + " parameters but gave "
                + actual + " (off by " + missing + "): " + hint);
    }
}
