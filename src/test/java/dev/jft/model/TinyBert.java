package dev.jft.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.jft.text.TokenBatch;
import java.util.Map;

/** A tiny randomly initialised BERT for fast tests of the plumbing (not of pretrained behaviour). */
final class TinyBert {

    static final BertConfig CONFIG = new BertConfig(50, 8, 2, 2, 16, 32, 2, 1e-12, 0.1, 0.1);
    static final String TOKENIZER_JSON = "{\"version\":\"1.0\",\"padding\":{\"pad_id\":0},\"truncation\":null}";

    private TinyBert() {}

    static Checkpoint checkpoint() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = new BertEncoder(CONFIG);
            encoder.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes());
            Map<String, FloatTensor> weights = encoder.weights();
            return new Checkpoint("tiny", CONFIG, weights, TOKENIZER_JSON, null, null);
        }
    }

    /** Two rows, the second padded after 3 tokens. */
    static TokenBatch batch() {
        long[][] ids = {{2, 7, 9, 11, 3}, {2, 5, 3, 0, 0}};
        long[][] mask = {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}};
        long[][] types = new long[2][5];
        return new TokenBatch(ids, mask, types, null, null);
    }
}
