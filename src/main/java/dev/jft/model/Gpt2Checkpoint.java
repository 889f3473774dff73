package dev.jft.model;

import dev.jft.text.Gpt2Tokenizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * GPT-2 weights ready to build a {@link Gpt2Decoder} from: the configuration, the weights by
 * Hugging Face name (no "transformer." prefix) and the tokenizer, when the folder had one.
 *
 * <pre>{@code
 * Gpt2Checkpoint gpt2 = Gpt2Checkpoints.load(Path.of("gpt2"));
 * Gpt2Checkpoint scratch = Gpt2Checkpoint.random(Gpt2Config.of(50257, 128, 128, 2, 4), 42, Gpt2Tokenizer.gpt2());
 * }</pre>
 *
 * @param name where it came from (a folder, or a description)
 * @param config the decoder's sizes
 * @param weights by Hugging Face name without "transformer." prefix
 * @param tokenizer the tokenizer saved with the weights; null when there was none
 */
public record Gpt2Checkpoint(String name, Gpt2Config config, Map<String, FloatTensor> weights, Gpt2Tokenizer tokenizer) {

    private static final double INIT_STD = 0.02; // GPT-2's initializer_range

    public Gpt2Checkpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Weights drawn as Hugging Face initialises GPT-2: embeddings and Conv1D weights from N(0, 0.02), the
     * two residual projections ({@code attn.c_proj}, {@code mlp.c_proj}) from N(0, 0.02 / sqrt(2 n_layer)),
     * biases 0, LayerNorm scales 1 and shifts 0. The same seed gives the same weights.
     *
     * @param tokenizer kept with the weights (may be null)
     */
    public static Gpt2Checkpoint random(Gpt2Config config, long seed, Gpt2Tokenizer tokenizer) {
        Random random = new Random(seed);
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        Map<String, long[]> shapes = shapes(config);
        double projectionStd = INIT_STD / Math.sqrt(2.0 * config.numLayers());
        shapes.forEach((name, shape) -> {
            float[] data = new float[(int) FloatTensor.count(shape)];
            boolean norm = name.startsWith("ln_") || name.contains(".ln_");
            if (norm && name.endsWith(".weight")) {
                java.util.Arrays.fill(data, 1f);
            } else if (name.endsWith(".weight")) {
                double std = name.endsWith("c_proj.weight") ? projectionStd : INIT_STD;
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * std);
                }
            }
            weights.put(name, new FloatTensor(shape, data));
        });
        return new Gpt2Checkpoint("random GPT-2 (" + config.numLayers() + " x " + config.width() + ", seed " + seed + ")",
                config, weights, tokenizer);
    }

    /** Number of parameters (every float of the weights; the tied LM head is not counted twice). */
    public long parameterCount() {
        return weights.values().stream().mapToLong(FloatTensor::size).sum();
    }

    /** Every tensor name of a GPT-2 of this config, with its shape, in checkpoint order. */
    static Map<String, long[]> shapes(Gpt2Config c) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long e = c.width();
        shapes.put("wte.weight", new long[] {c.vocabSize(), e});
        shapes.put("wpe.weight", new long[] {c.maxPositions(), e});
        for (int i = 0; i < c.numLayers(); i++) {
            String h = "h." + i + ".";
            shapes.put(h + "ln_1.weight", new long[] {e});
            shapes.put(h + "ln_1.bias", new long[] {e});
            shapes.put(h + "attn.c_attn.weight", new long[] {e, 3 * e});
            shapes.put(h + "attn.c_attn.bias", new long[] {3 * e});
            shapes.put(h + "attn.c_proj.weight", new long[] {e, e});
            shapes.put(h + "attn.c_proj.bias", new long[] {e});
            shapes.put(h + "ln_2.weight", new long[] {e});
            shapes.put(h + "ln_2.bias", new long[] {e});
            shapes.put(h + "mlp.c_fc.weight", new long[] {e, c.innerSize()});
            shapes.put(h + "mlp.c_fc.bias", new long[] {c.innerSize()});
            shapes.put(h + "mlp.c_proj.weight", new long[] {c.innerSize(), e});
            shapes.put(h + "mlp.c_proj.bias", new long[] {e});
        }
        shapes.put("ln_f.weight", new long[] {e});
        shapes.put("ln_f.bias", new long[] {e});
        return shapes;
    }
}
