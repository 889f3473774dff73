package dev.jft.eval;

/**
 * Perplexity of a language model: {@code exp(mean negative log-likelihood per token)}, in nats.
 *
 * <pre>{@code
 * Perplexity.fromMeanNll(Math.log(4));                 // 4.0: as unsure as a fair 4-sided die
 * Perplexity.fromTokenNlls(new double[] {1.0, 3.0});   // e^2
 * }</pre>
 */
public final class Perplexity {

    private Perplexity() {}

    /** {@code exp(meanNll)}; the mean NLL must be finite and non-negative. */
    public static double fromMeanNll(double meanNll) {
        Checks.finite(meanNll, "Mean negative log-likelihood");
        if (meanNll < 0) {
            throw new IllegalArgumentException("A negative log-likelihood cannot be below 0, got " + meanNll
                    + ": pass -log p (nats), not log p.");
        }
        return Math.exp(meanNll);
    }

    /** Perplexity from each token's negative log-likelihood. */
    public static double fromTokenNlls(double[] tokenNlls) {
        Checks.nonEmpty(tokenNlls.length, "The token list");
        double sum = 0;
        for (double nll : tokenNlls) {
            sum += nll;
        }
        return fromMeanNll(sum / tokenNlls.length);
    }
}
