package dev.jft.quiz.exercises.generation;

/**
 * What the learner writes in exercise generation-top-k-top-p: the next-token logits after top-k and
 * then top-p (nucleus) filtering, removed tokens set to {@code Float.NEGATIVE_INFINITY}.
 *
 * <pre>{@code
 * dev.jft.quiz.exercises.generation.LogitsFilter filter = (logits, k, p) -> ...;
 * filter.filter(new float[] {2f, 1f, 0f, -1f}, 2, 1.0);   // [2, 1, -Infinity, -Infinity]
 * }</pre>
 */
@FunctionalInterface
public interface LogitsFilter {

    /**
     * The filtered logits (a new array; the input is left unchanged).
     *
     * @param logits one logit per token
     * @param k keep the k largest logits; 0 (or k at least the vocabulary size) keeps all
     * @param p then keep the most likely tokens until their probability reaches p; 1 keeps all
     */
    float[] filter(float[] logits, int k, double p);
}
