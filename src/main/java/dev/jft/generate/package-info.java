/**
 * Text generation with a GPT-2 decoder: next-token batches for training ({@link dev.jft.generate.CausalLmBatches}),
 * held-out perplexity ({@link dev.jft.generate.LmPerplexity}), and decoding ({@link dev.jft.generate.Generator}
 * with {@link dev.jft.generate.Decoding}: greedy, temperature, top-k, top-p; {@link dev.jft.generate.LogitsFilters}).
 * The decoder itself is {@link dev.jft.model.Gpt2Decoder}; the tokenizer {@link dev.jft.text.Gpt2Tokenizer}.
 */
package dev.jft.generate;
