package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.jft.model.GradMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: the weight first shrinks by
 * {@code lr * weightDecay} (only where {@code decays} is true, so biases and LayerNorm weights are
 * spared), then takes the bias-corrected Adam step {@code lr * m̂ / (sqrt(v̂) + eps)}.
 *
 * <p>DJL's own {@code Optimizer.adamW()} decays every parameter, which is why this one exists.
 * Moment estimates live in the manager given to the constructor and travel with checkpoints via
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
        GradMode.disabled(() -> updateInPlace(name, weight, gradient, lr, decays));
    }

    private void updateInPlace(String name, NDArray weight, NDArray gradient, double lr, boolean decays) {
        long t = step + 1;
        NDArray m = firstMoments.computeIfAbsent(name, k -> fresh(weight));
        NDArray v = secondMoments.computeIfAbsent(name, k -> fresh(weight));
        // Results of NDArray operations belong to their first operand's manager, so every
        // temporary is closed here by hand.
        NDArray scaledGradient = gradient.mul(1 - beta1);
        m.muli(beta1).addi(scaledGradient);
        scaledGradient.close();
        NDArray squaredGradient = gradient.square().muli(1 - beta2);
        v.muli(beta2).addi(squaredGradient);
        squaredGradient.close();
        NDArray correctedV = v.div(1 - Math.pow(beta2, t));
        NDArray denominator = correctedV.sqrt().addi(epsilon);
        correctedV.close();
        NDArray change = m.div(1 - Math.pow(beta1, t)).divi(denominator).muli(lr);
        denominator.close();
        if (decays && weightDecay > 0) {
            weight.muli(1 - lr * weightDecay);
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
