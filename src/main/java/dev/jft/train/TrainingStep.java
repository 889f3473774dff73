package dev.jft.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * One optimizer step: forward and backward over a group of micro-batches (each split over the
 * devices), then mean gradient, global-norm clipping and the AdamW update. Every array made here
 * lives in a per-step manager that is closed before the step returns.
 *
 * <p>Losses are summed (see {@link CrossEntropy}) and the summed gradient is divided once by the
 * number of labelled positions of the whole group, so k micro-batches give exactly the update of
 * one batch holding all of them. Gradients add up across backward passes and are reset after use.
 */
final class TrainingStep {

    /** What a step saw; {@code updated} is false when the loss was NaN or infinite (no update made). */
    record Result(double lossSum, long count, double lr, int examples, boolean updated) {}

    private final Block model;
    private final List<Device> devices;
    private final AdamW optimizer;
    private final ParameterGroups groups;
    private final double clipNorm;

    TrainingStep(Block model, List<Device> devices, AdamW optimizer, ParameterGroups groups, double clipNorm) {
        this.model = model;
        this.devices = devices;
        this.optimizer = optimizer;
        this.groups = groups;
        this.clipNorm = clipNorm;
    }

    /** Runs the step for {@code group}, updating the {@code trained} parameters with learning rate {@code lr}. */
    Result run(List<TokenBatch> group, List<Pair<String, Parameter>> trained, double lr, NDManager parent) {
        double lossSum = 0;
        long count = 0;
        int examples = 0;
        try (NDManager step = parent.newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                for (TokenBatch batch : group) {
                    examples += batch.size();
                    List<TokenBatch> slices = BatchSplitter.split(batch, devices.size());
                    for (int device = 0; device < slices.size(); device++) {
                        Result part = forwardBackward(slices.get(device), device, step, collector);
                        lossSum += part.lossSum();
                        count += part.count();
                    }
                }
            }
            if (!Double.isFinite(lossSum)) {
                zeroGradients(trained, step);
                return new Result(lossSum, count, lr, examples, false);
            }
            if (count == 0) {
                throw new IllegalArgumentException("A training step had no labelled example: every label was "
                        + TokenBatch.IGNORE_LABEL + ".");
            }
            update(trained, step, count, lr);
            return new Result(lossSum, count, lr, examples, true);
        }
    }

    /**
     * Forward and backward pass of one slice on device number {@code device}. Device 0 uses the
     * parameters themselves; other devices get replicas (DJL's ParameterStore copies). The copy
     * is recorded by autograd, so backward carries the replica's gradient home into the model's
     * parameters, where the gradients of all slices add up to the whole batch's. Slices run one
     * after another: correct on several devices, not faster.
     */
    private Result forwardBackward(TokenBatch slice, int device, NDManager step, GradientCollector collector) {
        try (NDManager sliceManager = step.newSubManager(devices.get(device))) {
            ParameterStore store = new ParameterStore(sliceManager, device > 0);
            NDArray logits = model.forward(store, slice.inputs(sliceManager), true).head();
            NDArray targets = slice.targets(sliceManager);
            NDArray loss = CrossEntropy.sum(logits, targets);
            double lossValue = loss.getFloat();
            long count = CrossEntropy.count(targets);
            collector.backward(loss);
            return new Result(lossValue, count, 0, slice.size(), false);
        }
    }

    private void update(List<Pair<String, Parameter>> trained, NDManager step, long count, double lr) {
        List<NDArray> gradients = gradients(trained, step);
        for (NDArray gradient : gradients) {
            gradient.divi(count); // from summed loss to the mean over the whole accumulated batch
        }
        if (clipNorm > 0) {
            GradientClipping.clipGlobalNorm(gradients, clipNorm);
        }
        for (int i = 0; i < trained.size(); i++) {
            Pair<String, Parameter> entry = trained.get(i);
            optimizer.update(entry.getKey(), entry.getValue().getArray(), gradients.get(i), lr,
                    groups.decays(entry.getKey(), entry.getValue()));
        }
        optimizer.finishStep();
        zeroGradients(trained, step);
    }

    private static List<NDArray> gradients(List<Pair<String, Parameter>> trained, NDManager step) {
        List<NDArray> gradients = new ArrayList<>();
        for (Pair<String, Parameter> entry : trained) {
            NDArray gradient = entry.getValue().getArray().getGradient();
            gradient.attach(step); // the handle (not the gradient itself) is freed with the step
            gradients.add(gradient);
        }
        return gradients;
    }

    private static void zeroGradients(List<Pair<String, Parameter>> trained, NDManager step) {
        for (NDArray gradient : gradients(trained, step)) {
            gradient.set(new NDIndex("..."), 0); // a fill: also clears NaN, which subtraction would keep
        }
    }
}
