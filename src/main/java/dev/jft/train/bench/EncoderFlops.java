package dev.jft.train.bench;

import dev.jft.model.BertConfig;

/**
 * Floating-point operations of one BERT encoder forward pass, counted analytically from the matrix
 * products (a multiply-add counts 2). Per layer: query, key, value and output projections
 * {@code 4 * 2BTH^2}, the feed-forward pair {@code 2 * 2BTHI}, and attention scores plus weighted
 * sum {@code 2 * 2BT^2H}. Embedding look-ups, LayerNorm, softmax and GELU are left out (a few percent).
 *
 * <pre>{@code
 * double flops = EncoderFlops.forward(checkpoint.config(), 16, 64);   // MiniLM-L6: about 22.3e9
 * }</pre>
 */
public final class EncoderFlops {

    private EncoderFlops() {}

    /** FLOPs of a forward pass over {@code batch} sequences of {@code length} tokens. */
    public static double forward(BertConfig config, int batch, int length) {
        double b = batch;
        double t = length;
        double h = config.hiddenSize();
        double i = config.intermediateSize();
        double perLayer = 2 * b * t * (4 * h * h + 2 * h * i) + 4 * b * t * t * h;
        return perLayer * config.numLayers();
    }
}
