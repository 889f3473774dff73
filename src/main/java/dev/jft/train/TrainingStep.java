package dev.jft.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.jft.model.GradMode;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One optimizer step: forward and backward over a group of micro-batches (each split over the
 * devices), then mean gradient, global-norm clipping and the AdamW update. Every array made here
 * lives in a per-step manager that is closed before the step returns.
 *
 * <p>Losses are summed (see {@link CrossEntropy}) and the summed gradient is divided once by the
 * number of labelled positions of the whole group, so k micro-batches give exactly the update of
 * one batch holding all of them. Gradients add up across backward passes and are reset after use.
 *
 * <p>With several devices the slices of a batch run at the same time, one thread per device; the
 * step owns those threads until {@link #close}.
 */
final class TrainingStep implements AutoCloseable {

    /**
     * What a step saw; {@code gradNorm} is the global norm of the mean gradient before clipping
     * (NaN when no update was made); {@code updated} is false when the loss was NaN or infinite.
     */
    record Result(double lossSum, long count, double lr, int examples, boolean updated, double gradNorm) {}

    private final Block model;
    private final List<Device> devices;
    private final AdamW optimizer;
    private final ParameterGroups groups;
    private final double clipNorm;
    /** Runs the slices of devices 1..n-1 while the calling thread runs device 0's; null for one device. */
    private final ExecutorService otherDevices;
    /** Receives the forward, backward and optimizer times of the calling thread. */
    private final StepTimes times;
    private boolean partialUpdate;

    TrainingStep(Block model, List<Device> devices, AdamW optimizer, ParameterGroups groups, double clipNorm,
            StepTimes times) {
        this.model = model;
        this.times = times;
        this.devices = devices;
        this.optimizer = optimizer;
        this.groups = groups;
        this.clipNorm = clipNorm;
        this.otherDevices = devices.size() > 1 ? Executors.newFixedThreadPool(devices.size() - 1, task -> {
            Thread thread = new Thread(task, "fine-tune-device");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Override
    public void close() {
        if (otherDevices != null) {
            otherDevices.shutdownNow();
        }
    }

    /**
     * True when a step was stopped (an exception, a {@code Thread.stop}) while it was writing the
     * update: some parameters and optimizer moments may hold the new values and others the old.
     */
    boolean leftPartialUpdate() {
        return partialUpdate;
    }

    /** Forgets a partial update, once every parameter and the optimizer state were loaded anew. */
    void stateReloaded() {
        partialUpdate = false;
    }

    /**
     * Runs the step for {@code group}, updating the {@code trained} parameters with learning rate
     * {@code lr}. A step that fails before its update (an exception in a forward or backward pass,
     * e.g. a notebook interrupt) clears the gradients it had added, so weights, optimizer and
     * gradients are as before the step and the same step can simply run again.
     */
    Result run(List<TokenBatch> group, List<Pair<String, Parameter>> trained, double lr, NDManager parent) {
        double lossSum = 0;
        long count = 0;
        int examples = 0;
        try (NDManager step = parent.newSubManager()) {
            try {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    for (TokenBatch batch : group) {
                        examples += batch.size();
                        for (Result part : forwardBackwardOnAllDevices(BatchSplitter.split(batch, devices.size()), step,
                                collector)) {
                            lossSum += part.lossSum();
                            count += part.count();
                        }
                    }
                }
                if (count == 0 && Double.isFinite(lossSum)) {
                    throw new IllegalArgumentException("A training step had no labelled example: every label was "
                            + TokenBatch.IGNORE_LABEL + ".");
                }
            } catch (Throwable failure) {
                zeroGradientsAfter(failure, trained, step);
                throw failure;
            }
            if (!Double.isFinite(lossSum)) {
                zeroGradients(trained, step);
                return new Result(lossSum, count, lr, examples, false, Double.NaN);
            }
            boolean updated = false;
            double gradNorm;
            try {
                long start = System.nanoTime();
                gradNorm = update(trained, step, count, lr);
                times.add(StepTimes.Phase.OPTIMIZER, System.nanoTime() - start);
                updated = true;
            } finally {
                partialUpdate = !updated;
            }
            return new Result(lossSum, count, lr, examples, true, gradNorm);
        }
    }

    private static void zeroGradientsAfter(Throwable failure, List<Pair<String, Parameter>> trained, NDManager step) {
        try {
            zeroGradients(trained, step);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /**
     * Slice i on device i, all at once: the other devices' slices on the step's threads, device
     * 0's on this one. Waits for every slice, even after one failed, before its arrays can be freed.
     * PyTorch adds the gradients of concurrent backward passes into the shared parameters safely;
     * only their order, and so the last bits of the sums, can differ between runs.
     */
    private List<Result> forwardBackwardOnAllDevices(List<TokenBatch> slices, NDManager step,
            GradientCollector collector) {
        List<Future<Result>> others = new ArrayList<>();
        for (int device = 1; device < slices.size(); device++) {
            int index = device;
            others.add(otherDevices.submit(() -> GradMode.enabled(() -> forwardBackward(slices.get(index), index, step,
                    collector))));
        }
        List<Result> results = new ArrayList<>();
        Throwable failure = null;
        try {
            results.add(forwardBackward(slices.get(0), 0, step, collector));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<Result> other : others) {
            try {
                results.add(awaitUninterruptibly(other));
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("A slice of the training step failed", failure);
        }
        return results;
    }

    /**
     * The slice's result once it is done. An interrupt does not cut the wait short (the slice
     * still uses the step's arrays); it is kept for the caller to see.
     */
    private static Result awaitUninterruptibly(Future<Result> slice) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return slice.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Forward and backward pass of one slice on device number {@code device}. Device 0 uses the
     * parameters themselves; other devices get replicas (DJL's ParameterStore copies). The copy
     * is recorded by autograd, so backward carries the replica's gradient home into the model's
     * parameters, where the gradients of all slices add up to the whole batch's.
     */
    private Result forwardBackward(TokenBatch slice, int device, NDManager step, GradientCollector collector) {
        try (NDManager sliceManager = step.newSubManager(devices.get(device))) {
            ParameterStore store = new ParameterStore(sliceManager, device > 0);
            NDList inputs = slice.inputs(sliceManager);
            NDArray targets = slice.targets(sliceManager);
            long start = System.nanoTime();
            NDArray logits = model.forward(store, inputs, true).head();
            NDArray loss = CrossEntropy.sum(logits, targets);
            double lossValue = loss.getFloat();
            long forwardDone = System.nanoTime();
            long count = CrossEntropy.count(targets);
            collector.backward(loss);
            if (device == 0) {
                times.add(StepTimes.Phase.FORWARD, forwardDone - start);
                times.add(StepTimes.Phase.BACKWARD, System.nanoTime() - forwardDone);
            }
            return new Result(lossValue, count, 0, slice.size(), false, Double.NaN);
        }
    }

    /**
     * Updates the trained parameters; returns the global norm of the mean gradient before clipping.
     * The mean over the whole accumulated batch and the clipping factor make one scale, which the
     * optimizer applies as it reads each gradient, so neither costs a pass over the gradients.
     */
    private double update(List<Pair<String, Parameter>> trained, NDManager step, long count, double lr) {
        List<NDArray> gradients = gradients(trained, step);
        double norm = GradientClipping.globalNorm(gradients) / count;
        double scale = GradientClipping.factor(norm, clipNorm) / count;
        for (int i = 0; i < trained.size(); i++) {
            Pair<String, Parameter> entry = trained.get(i);
            optimizer.update(entry.getKey(), entry.getValue().getArray(), gradients.get(i), scale, lr,
                    groups.decays(entry.getKey(), entry.getValue()));
        }
        optimizer.finishStep();
        zeroGradients(trained, step);
        return norm;
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
