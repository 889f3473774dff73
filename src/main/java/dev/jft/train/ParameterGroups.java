package dev.jft.train;

import ai.djl.nn.Parameter;
import dev.jft.model.EncoderClassifier;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the trainer how parameters group: which ones get weight decay, which encoder layer each
 * belongs to (for gradual unfreezing) and which ones form the task head (for linear probing).
 *
 * <p>A model can implement this itself; {@link #byName()} guesses from DJL parameter names;
 * {@link #of(EncoderClassifier)} takes the groups a pretrained classifier describes (the default
 * when {@link FineTuner} trains one).
 *
 * <pre>{@code
 * ParameterGroups groups = ParameterGroups.byName();
 * groups.decays("encoder_layer_3_output_LayerNorm_gamma", p); // false: a LayerNorm weight
 * groups.layerOf("encoder_layer_3_attention_query_weight");    // 3
 * groups.layerOf("classifier_weight");                         // HEAD
 * }</pre>
 */
public interface ParameterGroups {

    /** Layer index of task-head parameters: above every encoder layer. */
    int HEAD = Integer.MAX_VALUE;

    /** Layer index of parameters below the first encoder layer (embeddings). */
    int BOTTOM = -1;

    /** Whether AdamW applies weight decay to this parameter. */
    boolean decays(String name, Parameter parameter);

    /** {@link #HEAD}, an encoder layer index (0 = lowest) or {@link #BOTTOM}. */
    int layerOf(String name);

    /**
     * The groups {@code classifier} describes in {@link EncoderClassifier#modelParameters()}: no
     * decay for biases and LayerNorm weights, embeddings {@link #BOTTOM}, transformer layers 0..L-1,
     * classifier (and pooler) {@link #HEAD}.
     *
     * <pre>{@code
     * FineTuner.builder().model(classifier).parameterGroups(ParameterGroups.of(classifier));
     * }</pre>
     */
    static ParameterGroups of(EncoderClassifier classifier) {
        return new ModelParameterGroups(classifier);
    }

    /**
     * Name-based groups: biases and normalisation weights (names containing "norm", any case) do
     * not decay; {@code layer.N}, {@code layer_N}, {@code layers.N} give the layer; names
     * containing "classifier" or "head" are the head; everything else is {@link #BOTTOM}.
     */
    static ParameterGroups byName() {
        return NameBased.INSTANCE;
    }

    /** The default rules of {@link #byName()}. */
    final class NameBased implements ParameterGroups {
        static final NameBased INSTANCE = new NameBased();
        private static final Pattern LAYER = Pattern.compile("(?:^|[^a-z])layers?[._](\\d+)(?:[._]|$)");

        private NameBased() {}

        @Override
        public boolean decays(String name, Parameter parameter) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean bias = lower.endsWith("bias") || lower.endsWith("beta")
                    || (parameter != null && parameter.getType() == Parameter.Type.BIAS);
            return !bias && !lower.contains("norm");
        }

        @Override
        public int layerOf(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("classifier") || lower.contains("head")) {
                return HEAD;
            }
            Matcher layer = LAYER.matcher(lower);
            return layer.find() ? Integer.parseInt(layer.group(1)) : BOTTOM;
        }
    }
}
