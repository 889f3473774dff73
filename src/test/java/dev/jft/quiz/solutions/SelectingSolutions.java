package dev.jft.quiz.solutions;

import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Reference and known-wrong solutions for lesson 02-selecting-a-model. They live in the test tree
 * so they never reach a notebook or the course jar; the proof tests grade them.
 */
public final class SelectingSolutions {

    private SelectingSolutions() {}

    public static final ToLongFunction<Map<String, Integer>> PARAMETER_COUNT = config -> {
        long vocab = config.get("vocab_size");
        long hidden = config.get("hidden_size");
        long layers = config.get("num_hidden_layers");
        long intermediate = config.get("intermediate_size");
        long positions = config.get("max_position_embeddings");
        long types = config.get("type_vocab_size");
        long embeddings = (vocab + positions + types) * hidden + 2 * hidden;   // three tables + LayerNorm
        long attention = 4 * (hidden * hidden + hidden);                       // query, key, value, output
        long feedForward = hidden * intermediate + intermediate + intermediate * hidden + hidden;
        long norms = 2 * 2 * hidden;                                            // two LayerNorms per layer
        return embeddings + layers * (attention + feedForward + norms);
    };

    /** A usual mistake: the LayerNorms inside the layers are forgotten (the embeddings' one is counted). */
    public static final ToLongFunction<Map<String, Integer>> PARAMETER_COUNT_WITHOUT_LAYER_NORMS = config -> {
        long hidden = config.get("hidden_size");
        long intermediate = config.get("intermediate_size");
        long embeddings = (long) (config.get("vocab_size") + config.get("max_position_embeddings")
                + config.get("type_vocab_size")) * hidden + 2 * hidden;
        long layer = 4 * (hidden * hidden + hidden) + hidden * intermediate + intermediate + intermediate * hidden
                + hidden;
        return embeddings + config.get("num_hidden_layers") * layer;
    };
}
