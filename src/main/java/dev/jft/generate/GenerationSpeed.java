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

    public static void main(String[] args) {
        int[] a = {4, 256, 4, 256, 100};
        for (int i = 0; i < Math.min(args.length, a.length); i++) {
            a[i] = Integer.parseInt(args[i]);
        }
        Gpt2Config config = Gpt2Config.of(50257, a[3], a[1], a[0], a[2]).withDropout(0);
        int tokens = Math.min(a[4], a[3] - 8);
        int[] prompt = {464, 1110, 373, 257, 1310, 11, 290, 262};
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.random(config, 1, manager);
            Generator generator = new Generator(decoder).maxNewTokens(tokens);
            generator.maxNewTokens(4).generate(prompt, manager); // warm-up
            Generation cached = generator.generate(prompt, manager);
            Generation uncached = generator.cache(false).generate(prompt, manager);
            System.out.printf("GPT-2 %d x %d (%,d parameters), %d new tokens after an 8-token prompt, %d threads%n",
                    a[0], a[1], config.parameterCount(), tokens, Runtime.getRuntime().availableProcessors());
            System.out.printf("  with the key/value cache: %7.1f tokens/s%n", cached.tokensPerSecond());
            System.out.printf("  without:                  %7.1f tokens/s  (%.1fx slower)%n", uncached.tokensPerSecond(),
                    cached.tokensPerSecond() / uncached.tokensPerSecond());
            System.out.println("  same tokens: " + java.util.Arrays.equals(cached.generated(), uncached.generated()));
        }
    }
}
