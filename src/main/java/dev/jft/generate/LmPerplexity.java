package dev.jft.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.jft.eval.Perplexity;
import dev.jft.model.GradMode;
import dev.jft.text.TokenBatch;
import dev.jft.train.CrossEntropy;
import java.util.List;

/**
 * How well a language model predicts held-out text: the mean negative log-likelihood of every
 * labelled next token (nats) and its perplexity ({@link Perplexity}). Batches come from
 * {@link CausalLmBatches}. (The classifier metrics of {@code Evaluator} would build a confusion
 * matrix over the whole vocabulary, so language models are evaluated here.)
 *
 * <pre>{@code
 * LmPerplexity.Result heldOut = LmPerplexity.of(decoder, CausalLmBatches.packed(testStream, 64, 16), manager);
 * heldOut.perplexity();   // e.g. 35.2: as unsure as a choice among ~35 equally likely tokens
 * }</pre>
 */
public final class LmPerplexity {

    private LmPerplexity() {}

    /** Mean NLL per predicted token, its perplexity, and how many tokens were predicted. */
    public record Result(double meanNll, double perplexity, long tokens) {}

    /** Evaluates {@code model} (inference mode, no gradients) on labelled batches; every array made is freed. */
    public static Result of(Block model, List<TokenBatch> batches, NDManager manager) {
        if (batches == null || batches.isEmpty()) {
            throw new IllegalArgumentException("No held-out batches: give at least one");
        }
        double sum = 0;
        long count = 0;
        for (TokenBatch batch : batches) {
            try (NDManager step = manager.newSubManager()) {
                NDArray logits = GradMode.disabled(
                        () -> model.forward(new ParameterStore(step, false), batch.inputs(step), false).head());
                NDArray targets = batch.targets(step);
                sum += CrossEntropy.sum(logits, targets).getFloat();
                count += CrossEntropy.count(targets);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("The held-out batches have no labelled token");
        }
        double mean = sum / count;
        return new Result(mean, Perplexity.fromMeanNll(mean), count);
    }
}
