package dev.jft.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jft.model.EncoderClassifier;
import dev.jft.model.ModelParameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ParameterGroups} read from a pretrained classifier's own description of its parameters
 * ({@link EncoderClassifier#modelParameters()}) instead of guessed from names: biases and LayerNorm
 * weights get no decay, the embeddings are {@link #BOTTOM}, transformer layer {@code i} is layer
 * {@code i} and the classification head (with any pooler) is {@link #HEAD}.
 */
final class ModelParameterGroups implements ParameterGroups {

    private final Map<String, ModelParameter> byBlockName = new LinkedHashMap<>();

    ModelParameterGroups(EncoderClassifier classifier) {
        Map<Parameter, ModelParameter> described = new IdentityHashMap<>();
        classifier.modelParameters().forEach(p -> described.put(p.parameter(), p));
        for (Pair<String, Parameter> entry : classifier.getParameters()) {
            ModelParameter parameter = described.get(entry.getValue());
            if (parameter == null) {
                throw new IllegalStateException("The classifier's parameter " + entry.getKey()
                        + " is missing from modelParameters(): every trainable parameter needs a group.");
            }
            byBlockName.put(entry.getKey(), parameter);
        }
    }

    @Override
    public boolean decays(String name, Parameter parameter) {
        return !lookUp(name).noWeightDecay();
    }

    @Override
    public int layerOf(String name) {
        ModelParameter parameter = lookUp(name);
        if (parameter.head()) {
            return HEAD;
        }
        // ModelParameter counts the embeddings as depth 0 and transformer layers from 1.
        return parameter.layer() == 0 ? BOTTOM : parameter.layer() - 1;
    }

    private ModelParameter lookUp(String name) {
        ModelParameter parameter = byBlockName.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("Unknown parameter '" + name + "': these groups were made for another"
                    + " model. Build them from the model being trained: ParameterGroups.of(classifier).");
        }
        return parameter;
    }
}
