package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Token classification (tagging): encoder, dropout, and a linear layer applied to every token.
 * Forward returns {@code NDList(logits)} with logits [B, T, numLabels]; positions labelled
 * {@code TokenBatch.IGNORE_LABEL} should be left out of the loss.
 *
 * <pre>{@code
 * TokenClassifier tagger = TokenClassifier.builder()
 *         .encoder("bge-small-en-v1.5").labels("O", "B-PER", "I-PER").seed(7).build(manager);
 * }</pre>
 */
public final class TokenClassifier extends EncoderClassifier {

    private TokenClassifier(Builder b) {
        super(b.config(), b.labelMap(), b.dropout, b.checkpoint.tokenizerJson());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    NDArray features(NDArray hidden, NDArray mask, ParameterStore store, boolean training) {
        return hidden;
    }

    @Override
    Shape featureShape(Shape ids, int hidden) {
        return ids.add(hidden);
    }

    @Override
    String architecture() {
        return "BertForTokenClassification";
    }

    /** Options of a {@link TokenClassifier}. */
    public static final class Builder extends EncoderClassifier.Builder<Builder> {
        /** Builds, initialises and loads the weights; parameters live on {@code manager}. */
        public TokenClassifier build(NDManager manager) {
            return finish(new TokenClassifier(this), manager);
        }
    }
}
