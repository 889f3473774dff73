package dev.jft.generate;

import ai.djl.ndarray.NDManager;
import dev.jft.model.Gpt2Config;
import dev.jft.model.Gpt2Decoder;

/**
 * Command line: tokens per second of greedy generation with and without the key/value cache, on a
 * randomly initialised GPT-2 of the given shape (speed does not depend on the weights' values).
 *
 * <pre>{@code
 * java -cp <classpath> dev.jft.generate.GenerationSpeed                   # 4 x 256, 256 positions
 * java -cp <classpath> dev.jft.generate.GenerationSpeed 12 768 12 1024 200 # GPT-2 small's shape, 200 tokens
 * }</pre>
 * Arguments: layers, width, heads, positions, new tokens (defaults 4 256 4 256 100); the prompt is
 * 8 tokens and the vocabulary GPT-2's 50,257.
 */
public final class GenerationSpeed {

    private GenerationSpeed() {}

    /** Greedy tokens per second with and without the cache, and whether both gave the same tokens. */
    public record Result(double cachedPerSecond, double uncachedPerSecond, boolean sameTokens) {

        /** How many times faster the cache made generation. */
        public double speedUp() {
            return cachedPerSecond / uncachedPerSecond;
        }
    }

    /** An 8-token prompt (GPT-2 ids of "The day was a little, and the"). */
    private static final int[] PROMPT = {464, 1110, 373, 257, 1310, 11, 290, 262};

    /**
     * Generates {@code newTokens} greedy tokens (at most the context minus the prompt), once with the
     * cache and once without, after one warm-up generation of each, on a GPT-2 of this shape with
     * random weights.
     */
    public static Result measure(Gpt2Config config, int newTokens, NDManager manager) {
        int tokens = Math.min(newTokens, config.maxPositions() - PROMPT.length);
        try (NDManager scope = manager.newSubManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.random(config, 1, scope);
            Generator withCache = new Generator(decoder).maxNewTokens(tokens);
            Generator withoutCache = new Generator(decoder).maxNewTokens(tokens).cache(false);
            // Warm-up of both paths at full length: the first generations in a process run at a
            // fraction of the speed (JIT, allocator), which would decide the ratio otherwise
            withCache.generate(PROMPT, scope);
            withoutCache.generate(PROMPT, scope);
            Generation cached = withCache.generate(PROMPT, scope);
            Generation uncached = withoutCache.generate(PROMPT, scope);
            return new Result(cached.tokensPerSecond(), uncached.tokensPerSecond(),
                    java.util.Arrays.equals(cached.generated(), uncached.generated()));
        }
    }

    public static void main(String[] args) {
        int[] a = {4, 256, 4, 256, 100};
        for (int i = 0; i < Math.min(args.length, a.length); i++) {
            a[i] = Integer.parseInt(args[i]);
        }
        Gpt2Config config = Gpt2Config.of(50257, a[3], a[1], a[0], a[2]).withDropout(0);
        int tokens = Math.min(a[4], a[3] - PROMPT.length);
        try (NDManager manager = NDManager.newBaseManager()) {
            Result result = measure(config, tokens, manager);
            System.out.printf("GPT-2 %d x %d (%,d parameters), %d new tokens after an 8-token prompt, %d threads%n",
                    a[0], a[1], config.parameterCount(), tokens, Runtime.getRuntime().availableProcessors());
            System.out.printf("  with the key/value cache: %7.1f tokens/s%n", result.cachedPerSecond());
            System.out.printf("  without:                  %7.1f tokens/s  (%.1fx slower)%n", result.uncachedPerSecond(),
                    result.speedUp());
            System.out.println("  same tokens: " + result.sameTokens());
        }
    }
}
