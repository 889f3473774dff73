package dev.jft.generate;

import dev.jft.text.Gpt2Tokenizer;

/**
 * What {@link Generator#generate} produced: the prompt, the new tokens, why it stopped and how long
 * the new tokens took.
 *
 * <pre>{@code
 * Generation g = generator.generate(tokenizer.encode("It is a truth"), manager);
 * g.text(tokenizer);              // the new text only
 * g.tokensPerSecond();
 * }</pre>
 *
 * @param prompt the prompt's token ids
 * @param generated the new token ids (the stop token, when one ended the generation, included)
 * @param stop why generation ended
 * @param nanos time spent generating, prompt included
 */
public record Generation(int[] prompt, int[] generated, Stop stop, long nanos) {

    /** Why generation ended. */
    public enum Stop {
        /** The maximum number of new tokens was reached. */
        MAX_TOKENS,
        /** The stop token was generated. */
        STOP_TOKEN
    }

    /** New tokens per second of generation. */
    public double tokensPerSecond() {
        return generated.length / Math.max(1e-9, nanos / 1e9);
    }

    /** The new text (a generated stop token is left out). */
    public String text(Gpt2Tokenizer tokenizer) {
        int n = stop == Stop.STOP_TOKEN ? generated.length - 1 : generated.length;
        return tokenizer.decode(java.util.Arrays.copyOf(generated, n));
    }

    /** Prompt and new text together. */
    public String fullText(Gpt2Tokenizer tokenizer) {
        return tokenizer.decode(prompt) + text(tokenizer);
    }
}
