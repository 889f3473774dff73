package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hugging Face tensor names mapped onto a model's DJL parameters: copies weights in (after the block
 * is initialised) and out (to save a checkpoint).
 */
final class WeightSlots {

    private final Map<String, WeightSlot> slots = new LinkedHashMap<>();

    void add(String name, WeightSlot slot) {
        slots.put(name, slot);
    }

    void addAll(String prefix, WeightSlots other) {
        other.slots.forEach((name, slot) -> slots.put(prefix + name, slot));
    }

    Map<String, WeightSlot> asMap() {
        return slots;
    }

    /**
     * Copies the named tensors into the parameters. Every slot must be present with its exact shape;
     * tensors without a slot (e.g. a pooler) are ignored.
     */
    void copyIn(Map<String, FloatTensor> weights, String source) {
        Map<Parameter, float[]> values = new IdentityHashMap<>();
        for (Map.Entry<String, WeightSlot> e : slots.entrySet()) {
            WeightSlot slot = e.getValue();
            FloatTensor tensor = weights.get(e.getKey());
            if (tensor == null) {
                throw new IllegalArgumentException(source + ": tensor \"" + e.getKey() + "\" is missing"
                        + " (the model needs shape " + Arrays.toString(slot.shape()) + ")");
            }
            if (!tensor.hasShape(slot.shape())) {
                throw new IllegalArgumentException(source + ": tensor \"" + e.getKey() + "\" has shape "
                        + tensor.shapeText() + " but the model needs " + Arrays.toString(slot.shape()));
            }
            float[] target = values.computeIfAbsent(slot.parameter(), p -> new float[(int) p.getShape().size()]);
            System.arraycopy(tensor.data(), 0, target, slot.offset(), slot.size());
        }
        values.forEach((parameter, floats) -> {
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("Initialise the block before copying weights into it");
            }
            parameter.getArray().set(floats); // setArray refuses once a shape is set: overwrite in place
        });
    }

    /** Copies the parameters out as Hugging Face named tensors. */
    Map<String, FloatTensor> copyOut() {
        Map<Parameter, float[]> values = new IdentityHashMap<>();
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, WeightSlot> e : slots.entrySet()) {
            WeightSlot slot = e.getValue();
            float[] all = values.computeIfAbsent(slot.parameter(), p -> toFloats(p.getArray()));
            float[] mine = Arrays.copyOfRange(all, slot.offset(), slot.offset() + slot.size());
            out.put(e.getKey(), new FloatTensor(slot.shape().clone(), mine));
        }
        return out;
    }

    private static float[] toFloats(NDArray array) {
        return array.toFloatArray();
    }
}
