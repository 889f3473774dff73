package dev.jft.model;

/** A tiny random GPT-2 for fast tests of the plumbing (2 layers, 64 wide, 4 heads, vocab 100, 32 positions). */
public final class TinyGpt2 {

    public static final Gpt2Config CONFIG = new Gpt2Config(100, 32, 64, 2, 4, 256, 1e-5, 0.1, 0.1, 0.1);

    private TinyGpt2() {}

    /**
     * Random weights with larger spreads than GPT-2's initialisation (and non-trivial LayerNorms and
     * biases), so every part of the network visibly changes the logits.
     */
    public static Gpt2Checkpoint checkpoint(long seed) {
        java.util.Random random = new java.util.Random(seed);
        java.util.Map<String, FloatTensor> weights = new java.util.LinkedHashMap<>();
        Gpt2Checkpoint.shapes(CONFIG).forEach((name, shape) -> {
            float[] data = new float[(int) FloatTensor.count(shape)];
            boolean normScale = (name.startsWith("ln_") || name.contains(".ln_")) && name.endsWith(".weight");
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (normScale ? 1 + 0.1 * random.nextGaussian() : 0.2 * random.nextGaussian());
            }
            weights.put(name, new FloatTensor(shape, data));
        });
        return new Gpt2Checkpoint("tiny GPT-2", CONFIG, weights, null);
    }
}
