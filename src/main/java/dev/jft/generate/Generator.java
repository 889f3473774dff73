package dev.jft.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import dev.jft.model.GradMode;
import dev.jft.model.Gpt2Decoder;
import dev.jft.model.KeyValueCache;
import dev.jft.text.Gpt2Tokenizer;
import java.util.Arrays;
import java.util.Random;

/**
 * Generates text with a {@link Gpt2Decoder}, one token at a time: the prompt is run once, then each
 * new token is fed back. With the key/value cache (the default) each new token costs one position
 * of computation; without it, the whole sequence is run again for every token (the same tokens for
 * greedy decoding, much slower). Stops after {@code maxNewTokens} or at the stop token.
 *
 * <pre>{@code
 * Generator generator = new Generator(decoder).decoding(Decoding.sample(0.8).withTopP(0.9))
 *         .maxNewTokens(60).stopToken(tokenizer.endOfText()).seed(7);
 * Generation g = generator.generate(tokenizer.encode("It is a truth universally acknowledged"), manager);
 * System.out.println(g.text(tokenizer) + "  (" + g.tokensPerSecond() + " tokens/s)");
 * }</pre>
 *
 * <p>The settings methods return a new generator; a generator is immutable and may be shared.
 */
public final class Generator {

    private final Gpt2Decoder decoder;
    private final Decoding decoding;
    private final int maxNewTokens;
    private final int stopToken;
    private final long seed;
    private final boolean cache;

    /** Greedy decoding of up to 50 tokens, no stop token, seed 42, with the cache. */
    public Generator(Gpt2Decoder decoder) {
        this(decoder, Decoding.greedy(), 50, -1, 42, true);
    }

    private Generator(Gpt2Decoder decoder, Decoding decoding, int maxNewTokens, int stopToken, long seed, boolean cache) {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, got " + maxNewTokens);
        }
        this.decoder = decoder;
        this.decoding = decoding;
        this.maxNewTokens = maxNewTokens;
        this.stopToken = stopToken;
        this.seed = seed;
        this.cache = cache;
    }

    /** How each token is chosen. */
    public Generator decoding(Decoding decoding) {
        return new Generator(decoder, decoding, maxNewTokens, stopToken, seed, cache);
    }

    /** The most new tokens to generate. */
    public Generator maxNewTokens(int maxNewTokens) {
        return new Generator(decoder, decoding, maxNewTokens, stopToken, seed, cache);
    }

    /** A token that ends generation when generated (e.g. {@code <|endoftext|>}); -1 for none. */
    public Generator stopToken(int stopToken) {
        return new Generator(decoder, decoding, maxNewTokens, stopToken, seed, cache);
    }

    /** Seed of the sampling draws: the same seed, prompt and model give the same text. */
    public Generator seed(long seed) {
        return new Generator(decoder, decoding, maxNewTokens, stopToken, seed, cache);
    }

    /** Whether to keep keys and values between steps (default true). */
    public Generator cache(boolean cache) {
        return new Generator(decoder, decoding, maxNewTokens, stopToken, seed, cache);
    }

    /** Generates from the prompt's tokens. Every array made here is freed before it returns. */
    public Generation generate(int[] prompt, NDManager manager) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("The prompt is empty: start from at least one token"
                    + " (e.g. <|endoftext|>, id 50256 in GPT-2)");
        }
        int positions = decoder.config().maxPositions();
        if (prompt.length + maxNewTokens - 1 > positions) {
            throw new IllegalArgumentException("A prompt of " + prompt.length + " tokens plus " + maxNewTokens
                    + " new tokens needs " + (prompt.length + maxNewTokens - 1) + " positions, but the model has "
                    + positions + " (n_positions): shorten the prompt or ask for at most "
                    + Math.max(0, positions - prompt.length + 1) + " new tokens");
        }
        return GradMode.disabled(() -> run(prompt, manager));
    }

    /** Generates from a text prompt. */
    public Generation generate(Gpt2Tokenizer tokenizer, String prompt, NDManager manager) {
        return generate(tokenizer.encode(prompt), manager);
    }

    private Generation run(int[] prompt, NDManager manager) {
        long start = System.nanoTime();
        Random random = new Random(seed);
        int[] sequence = Arrays.copyOf(prompt, prompt.length + maxNewTokens);
        int length = prompt.length;
        Generation.Stop stop = Generation.Stop.MAX_TOKENS;
        try (NDManager generation = manager.newSubManager();
                KeyValueCache keyValues = cache ? decoder.newCache(generation) : null) {
            ParameterStore store = new ParameterStore(generation, false);
            float[] logits = lastLogits(store, generation, Arrays.copyOf(sequence, length), keyValues);
            while (true) {
                int next = decoding.next(logits, random);
                sequence[length++] = next;
                if (next == stopToken) {
                    stop = Generation.Stop.STOP_TOKEN;
                    break;
                }
                if (length - prompt.length == maxNewTokens) {
                    break;
                }
                int[] input = cache ? new int[] {next} : Arrays.copyOf(sequence, length);
                logits = lastLogits(store, generation, input, keyValues);
            }
        }
        return new Generation(prompt.clone(), Arrays.copyOfRange(sequence, prompt.length, length), stop,
                System.nanoTime() - start);
    }

    /** The logits of the last position after feeding {@code ids} (continuing the cache when there is one). */
    private float[] lastLogits(ParameterStore store, NDManager parent, int[] ids, KeyValueCache keyValues) {
        try (NDManager step = parent.newSubManager()) {
            long[] row = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                row[i] = ids[i];
            }
            NDArray input = step.create(new long[][] {row});
            NDArray logits = keyValues == null
                    ? decoder.forward(store, new NDList(input), false).head()
                    : decoder.forward(store, input, null, keyValues, false);
            return logits.get(new NDIndex("0, -1")).toFloatArray();
        }
    }
}
