package dev.jft.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.jft.model.GradMode;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: the weight first shrinks by
 * {@code lr * weightDecay} (only where {@code decays} is true, so biases and LayerNorm weights are
 * spared), then takes the bias-corrected Adam step {@code lr * m̂ / (sqrt(v̂) + eps)}.
 *
 * <p>DJL's own {@code Optimizer.adamW()} decays every parameter, which is why this one exists
 * (its fused {@code adamUpdate} was also slower than this class, measured on CPU). Float32 CPU
 * weights are updated by {@link AdamWKernel} in one pass over their memory; others (GPU, other
 * types) by the same arithmetic as engine operations. Moment estimates live in the manager given to the constructor and travel with checkpoints via
 * {@link #state()} / {@link #loadState}.
 *
 * <pre>{@code
 * AdamW adamW = new AdamW(manager, 0.9, 0.999, 1e-8, 0.01);
 * adamW.update("classifier_weight", weight, gradient, 2e-5, true);
 * adamW.finishStep();
 * }</pre>
 */
public final class AdamW {

    private final NDManager manager;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final Map<String, NDArray> firstMoments = new HashMap<>();
    private final Map<String, NDArray> secondMoments = new HashMap<>();
    /** The weight array last checked by {@link #inCpuMemory}, and what the check found, by name. */
    private final Map<String, NDArray> checkedWeights = new HashMap<>();
    private final Map<String, Boolean> writesThrough = new HashMap<>();
    private long step;

    /** An optimizer keeping its state in {@code manager}. */
    public AdamW(NDManager manager, double beta1, double beta2, double epsilon, double weightDecay) {
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("AdamW betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (epsilon <= 0 || weightDecay < 0) {
            throw new IllegalArgumentException(
                    "AdamW needs epsilon > 0 and weight decay >= 0, got " + epsilon + ", " + weightDecay);
        }
        this.manager = manager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** AdamW with the usual fine-tuning defaults: betas 0.9/0.999, eps 1e-8. */
    public static AdamW withWeightDecay(NDManager manager, double weightDecay) {
        return new AdamW(manager, 0.9, 0.999, 1e-8, weightDecay);
    }

    /**
     * Updates {@code weight} in place from {@code gradient}. Call for every trained parameter,
     * then {@link #finishStep()} once. Works from any thread: recording is off while it runs.
     */
    public void update(String name, NDArray weight, NDArray gradient, double lr, boolean decays) {
        update(name, weight, gradient, 1, lr, decays);
    }

    /**
     * As {@link #update(String, NDArray, NDArray, double, boolean)}, for the gradient times
     * {@code gradientScale} (the training step's mean and clipping factor), without changing
     * {@code gradient} and without a pass of its own over it.
     */
    public void update(String name, NDArray weight, NDArray gradient, double gradientScale, double lr, boolean decays) {
        GradMode.disabled(() -> updateInPlace(name, weight, gradient, gradientScale, lr, decays));
    }

    private void updateInPlace(String name, NDArray weight, NDArray gradient, double scale, double lr, boolean decays) {
        long t = step + 1;
        NDArray m = firstMoments.computeIfAbsent(name, k -> fresh(weight));
        NDArray v = secondMoments.computeIfAbsent(name, k -> fresh(weight));
        double decay = decays && weightDecay > 0 ? 1 - lr * weightDecay : 1;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double sqrtBias2 = Math.sqrt(1 - Math.pow(beta2, t));
        if (inCpuMemory(name, weight)) {
            AdamWKernel.update(weight.toByteBuffer(true), gradient.toByteBuffer(true), m.toByteBuffer(true),
                    v.toByteBuffer(true), new AdamWKernel.Coefficients((float) scale, (float) beta1, (float) beta2,
                            (float) decay, (float) stepSize, (float) sqrtBias2, (float) epsilon));
        } else {
            updateWithEngineOperations(weight, gradient, m, v, scale, decay, stepSize, sqrtBias2);
        }
    }

    /**
     * Whether {@code weight} is a float32 CPU tensor whose direct buffer is its own memory, so that
     * {@link AdamWKernel} can update it in place. DJL hands out a copy for a non-contiguous tensor
     * (and for one on a GPU), which is why the first update of each weight array checks that a
     * write through the buffer reaches the tensor.
     */
    private boolean inCpuMemory(String name, NDArray weight) {
        if (weight.getDataType() != DataType.FLOAT32 || !weight.getDevice().equals(Device.cpu()) || weight.size() == 0) {
            return false;
        }
        if (checkedWeights.get(name) != weight) {
            writesThrough.put(name, writesThrough(weight));
            checkedWeights.put(name, weight);
        }
        return writesThrough.get(name);
    }

    private static boolean writesThrough(NDArray weight) {
        ByteBuffer buffer = weight.toByteBuffer(true);
        float original = buffer.getFloat(0);
        float marker = original == 1f ? 2f : 1f;
        buffer.putFloat(0, marker);
        float seen;
        try (NDArray flat = weight.flatten(); NDArray first = flat.get(0)) {
            seen = first.getFloat();
        }
        buffer.putFloat(0, original);
        return seen == marker;
    }

    /** The same update as {@link AdamWKernel}, as engine operations (GPU tensors, other types). */
    private void updateWithEngineOperations(NDArray weight, NDArray gradient, NDArray m, NDArray v, double scale,
            double decay, double stepSize, double sqrtBias2) {
        // Results of NDArray operations belong to their first operand's manager, so every
        // temporary is closed here by hand.
        NDArray scaledGradient = gradient.mul(scale);
        NDArray weighted = scaledGradient.mul(1 - beta1);
        m.muli(beta1).addi(weighted);
        weighted.close();
        NDArray squared = scaledGradient.square().muli(1 - beta2);
        scaledGradient.close();
        v.muli(beta2).addi(squared);
        squared.close();
        NDArray denominator = v.sqrt().divi(sqrtBias2).addi(epsilon);
        NDArray change = m.mul(stepSize).divi(denominator);
        denominator.close();
        if (decay != 1) {
            weight.muli(decay);
        }
        weight.subi(change);
        change.close();
    }

    /** Ends one optimizer step (advances the bias-correction counter). */
    public void finishStep() {
        step++;
    }

    /** Optimizer steps taken so far. */
    public long step() {
        return step;
    }

    /**
     * Copies of the moment estimates named {@code m:<param>} and {@code v:<param>}, plus the step
     * count; the caller closes them (or attaches them to a manager it closes).
     */
    public NDList state() {
        NDList state = new NDList();
        firstMoments.forEach((name, array) -> state.add(named(array, "m:" + name)));
        secondMoments.forEach((name, array) -> state.add(named(array, "v:" + name)));
        NDArray stepArray = manager.create(new long[] {step});
        stepArray.setName("step");
        state.add(stepArray);
        return state;
    }

    /**
     * Restores what {@link #state()} returned (arrays are copied into this optimizer's manager).
     * The whole state is checked first: on an error this optimizer keeps the state it had.
     */
    public void loadState(NDList state) {
        for (NDArray array : state) {
            String name = array.getName();
            if (!"step".equals(name) && (name == null || !(name.startsWith("m:") || name.startsWith("v:")))) {
                throw new IllegalArgumentException("Unknown AdamW state entry '" + name
                        + "': was this checkpoint written by another optimizer?");
            }
        }
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
        for (NDArray array : state) {
            String name = array.getName();
            if ("step".equals(name)) {
                step = array.toLongArray()[0];
            } else if (name.startsWith("m:")) {
                firstMoments.put(name.substring(2), copyHere(array));
            } else {
                secondMoments.put(name.substring(2), copyHere(array));
            }
        }
    }

    private NDArray fresh(NDArray weight) {
        return manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    private NDArray copyHere(NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(manager);
        return copy;
    }

    private static NDArray named(NDArray array, String name) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }
}
