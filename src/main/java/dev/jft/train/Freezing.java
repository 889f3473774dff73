package dev.jft.train;

/**
 * Which parameters train in a given epoch, by the layer {@link ParameterGroups#layerOf} gives them.
 *
 * <pre>{@code
 * Freezing.none();               // full fine-tuning
 * Freezing.linearProbe();        // only the head trains
 * Freezing.gradualUnfreezing(6); // epoch 0: head; epoch 1: head + layer 5; ... then embeddings
 * }</pre>
 */
@FunctionalInterface
public interface Freezing {

    /** Whether a parameter in {@code layer} trains during {@code epoch} (0-based). */
    boolean trains(int layer, int epoch);

    /** Everything trains. */
    static Freezing none() {
        return (layer, epoch) -> true;
    }

    /** Only the head trains: the encoder is a fixed feature extractor. */
    static Freezing linearProbe() {
        return (layer, epoch) -> layer == ParameterGroups.HEAD;
    }

    /**
     * ULMFiT-style gradual unfreezing for an encoder with {@code layers} layers: the head trains
     * from the start and each epoch unfreezes one more layer from the top down; after all layers,
     * the next epoch unfreezes the parameters below them (embeddings).
     */
    static Freezing gradualUnfreezing(int layers) {
        if (layers < 0) {
            throw new IllegalArgumentException("Number of layers must be >= 0, got " + layers);
        }
        return (layer, epoch) -> {
            if (layer == ParameterGroups.HEAD) {
                return true;
            }
            int lowestTrained = layers - epoch; // epoch 1 -> top layer (layers - 1)
            return layer >= lowestTrained;
        };
    }
}
