package dev.jft.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jft.model.EncoderClassifier;
import dev.jft.text.TokenBatch;
import dev.jft.viz.Displays;
import dev.jft.viz.IJavaDisplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Fine-tunes a classifier block: AdamW without decay on biases and norms, warmup + decay schedule,
 * global-norm clipping, gradient accumulation, freezing, validation every epoch, early stopping
 * that restores the best weights, a checkpoint every epoch, exact resume, and a live progress bar.
 *
 * <p>The block takes {@link TokenBatch#inputs} (input ids, attention mask, token type ids) and
 * returns logits [B, C] (sequence labels) or [B, T, C] (token labels). It must be initialized
 * (see {@link #initialize}); its parameters stay in the manager that initialized them.
 *
 * <pre>{@code
 * FineTuner.initialize(model, modelManager, 42, trainBatches.get(0));
 * try (FineTuner tuner = FineTuner.builder()
 *         .model(model)
 *         .trainData(BatchSource.shuffled(trainBatches))
 *         .validationData(validationBatches)
 *         .epochs(3).learningRate(2e-5).warmupRatio(0.1).schedule(LrSchedule.Kind.LINEAR)
 *         .weightDecay(0.01).clipNorm(1.0).accumulationSteps(2).seed(42)
 *         .earlyStopping("f1_macro", EarlyStopping.Goal.MAXIMIZE, 2)
 *         .checkpointDir(Path.of("checkpoints"))
 *         .build()) {
 *     TrainingHistory history = tuner.fit();
 * }
 * // after an interrupt (Kernel -> Interrupt) or an exception mid-epoch: tuner.fit() again continues
 * // from the last finished step; after the JVM died: the same builder, then
 * // tuner.resume(Path.of("checkpoints")); tuner.fit();
 * }</pre>
 *
 * <p>Both ways give exactly the weights of an uninterrupted run: data order comes from (seed,
 * epoch), dropout from (seed, optimizer step), and a step that did not finish leaves no trace.
 * Before the first step, every label of the training and validation data is checked against the
 * head's number of classes (read from the block's output shape).
 *
 * <p>Devices: {@link Devices#choose} picks them; the model lives on the first. Each batch is split
 * into one slice per device ({@link BatchSplitter}); other devices run on parameter replicas and
 * their gradients are added to the model's, so the update equals the whole batch's. The slices
 * run at the same time, one thread per device (data parallel). Mixed precision is not available
 * (see {@link Devices}).
 */
public final class FineTuner implements AutoCloseable {

    private final Builder settings;
    private final NDManager manager;
    private final AdamW optimizer;
    private final EarlyStopping stopping;
    private final long stepsPerEpoch;
    private final LrSchedule schedule;
    private final TrainingStep step;
    private final StepTimes stepTimes = new StepTimes();
    private TrainingHistory history = new TrainingHistory();
    private NDList bestWeights;
    private int epochsDone;
    private boolean stoppedEarly;
    /** Progress inside the epoch now running: kept across an interrupted {@link #fit}. */
    private int stepsDoneInEpoch;
    private double epochLossSum;
    private long epochCount;
    private boolean dataChecked;

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private FineTuner(Builder settings) {
        this.settings = settings;
        this.manager = NDManager.newBaseManager(settings.devices.get(0));
        this.optimizer = new AdamW(manager, 0.9, 0.999, 1e-8, settings.weightDecay);
        this.stopping = settings.validation == null ? null
                : new EarlyStopping(settings.metric, settings.goal, settings.patience);
        int batchesPerEpoch = settings.batchesPerEpoch;
        this.stepsPerEpoch = (batchesPerEpoch + settings.accumulation - 1) / settings.accumulation;
        long total = stepsPerEpoch * settings.epochs;
        long warmup = settings.warmupSteps >= 0 ? settings.warmupSteps : Math.round(settings.warmupRatio * total);
        if (warmup > total && settings.scheduleKind != LrSchedule.Kind.CONSTANT) {
            throw new IllegalArgumentException("warmupSteps is " + warmup + " but the whole run has only " + total
                    + " optimizer steps (" + batchesPerEpoch + " batches per epoch"
                    + (settings.accumulation > 1 ? " / " + settings.accumulation + " accumulated" : "") + " x "
                    + settings.epochs + " epochs): use fewer warmup steps, or warmupRatio(0.1) for a tenth of the run.");
        }
        this.schedule = settings.scheduleKind.create(settings.learningRate, Math.min(warmup, total), total);
        this.step = new TrainingStep(settings.model, settings.devices, optimizer, settings.groups, settings.clipNorm,
                stepTimes);
    }

    /** A builder with fine-tuning defaults (lr 2e-5, linear schedule, decay 0.01, clip 1.0, 3 epochs). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Initializes {@code block}'s parameters in {@code manager} with the engine seeded by
     * {@code seed}, so a freshly initialized head is the same on every run. A block that is
     * already initialized (a pretrained {@link EncoderClassifier} from its builder) is left as it
     * is: its loaded weights and seeded head are kept.
     */
    public static void initialize(Block block, NDManager manager, long seed, TokenBatch sample) {
        if (block.isInitialized()) {
            return;
        }
        Engine.getInstance().setRandomSeed((int) seed);
        Shape[] shapes = {shape(sample), shape(sample), shape(sample)};
        block.initialize(manager, DataType.FLOAT32, shapes);
    }

    /** Trains until the configured epochs are done or early stopping ends training. */
    public TrainingHistory fit() {
        return fit(Integer.MAX_VALUE);
    }

    /**
     * Trains at most {@code maxEpochs} more epochs (a way to train in stages: a later {@code fit}
     * continues where this one stopped). The best weights are restored once training is over.
     *
     * <p>An interrupt of the training thread ({@code Thread.interrupt}, as a notebook's Interrupt
     * does) stops training between two steps with a {@link CancellationException}; an exception
     * inside a step leaves the step undone. Either way the next {@code fit} continues from the
     * last finished step, exactly as an uninterrupted run would have gone on.
     *
     * @throws IllegalArgumentException before any step, when a label of the training or validation
     *     data is not a class of the model's head, or the early-stopping metric is unknown
     * @throws IllegalStateException when an earlier {@code fit} was stopped while it was writing an
     *     update (the weights are partly updated): {@link #resume} from the checkpoint instead
     */
    public TrainingHistory fit(int maxEpochs) {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("fit(maxEpochs) trains at most maxEpochs more epochs, so it needs at "
                    + "least 1, got " + maxEpochs + ": call fit() to train all remaining epochs.");
        }
        if (!settings.model.isInitialized()) {
            throw new IllegalStateException("The model is not initialized: call FineTuner.initialize(model, manager, "
                    + "seed, sampleBatch) or load pretrained weights first.");
        }
        if (step.leftPartialUpdate()) {
            throw new IllegalStateException("An earlier fit() was stopped while it was updating the weights, so they "
                    + "are partly updated. " + (settings.checkpointDir == null
                            ? "Build the model and the tuner again and train from the start."
                            : "Call resume(" + settings.checkpointDir + ") to go back to the last checkpoint, then fit()."));
        }
        if (!dataChecked) {
            checkBeforeTraining();
            dataChecked = true;
        }
        clearStaleGradients();
        ProgressDisplay progress = settings.progress
                ? new ProgressDisplay(Displays.sink(), settings.progressIntervalMillis, System::nanoTime) : null;
        if (progress != null) {
            progress.start(optimizer.step(), stepsPerEpoch * settings.epochs, epochsDone, settings.epochs);
        }
        int end = (int) Math.min(settings.epochs, (long) epochsDone + maxEpochs);
        while (epochsDone < end && !stoppedEarly) {
            runEpoch(epochsDone, progress);
        }
        if (progress != null) {
            progress.finish();
        }
        if (isFinished() && bestWeights != null) {
            Weights.restore(settings.model, bestWeights);
        }
        return history;
    }

    /** True when all epochs ran or early stopping ended training. */
    public boolean isFinished() {
        return stoppedEarly || epochsDone >= settings.epochs;
    }

    /**
     * Loads the latest checkpoint in {@code dir}: weights, optimizer, step, history, early stopping.
     * Everything is read and checked before the tuner or the model changes, so a checkpoint that
     * does not fit leaves both as they were.
     */
    public void resume(Path dir) {
        Checkpoint.State state = Checkpoint.readState(dir);
        if (!state.settings().equals(checkpointSettings())) {
            throw new IllegalArgumentException("The checkpoint in " + dir + " was written with settings "
                    + state.settings() + " but this run has " + checkpointSettings()
                    + ": resume with the same seed, epochs, accumulation, learning rate and data.");
        }
        try (NDManager loading = manager.newSubManager()) {
            NDList model = Checkpoint.readArrays(dir, Checkpoint.MODEL, loading);
            NDList optimizerState = Checkpoint.readArrays(dir, Checkpoint.OPTIMIZER, loading);
            NDList best = Checkpoint.readArrays(dir, Checkpoint.BEST, loading);
            if (model == null || optimizerState == null) {
                throw new IllegalArgumentException("The checkpoint " + Checkpoint.latest(dir) + " lacks "
                        + (model == null ? Checkpoint.MODEL : Checkpoint.OPTIMIZER) + ": it is incomplete.");
            }
            Weights.checkFits(settings.model, model);
            if (best != null) {
                Weights.checkFits(settings.model, best);
            }
            optimizer.loadState(optimizerState);
            Weights.restore(settings.model, model);
            replaceBest(best);
        }
        epochsDone = state.epochsDone();
        stoppedEarly = state.stoppedEarly();
        stepsDoneInEpoch = 0;
        epochLossSum = 0;
        epochCount = 0;
        step.stateReloaded();
        clearStaleGradients();
        history = state.history();
        if (stopping != null && state.stopping() != null) {
            stopping.restore(state.stopping());
        }
    }

    /** What has been recorded so far. */
    public TrainingHistory history() {
        return history;
    }

    /**
     * Where the time of this tuner's training steps went so far (forward, backward, optimizer,
     * data/other), e.g. {@code per step (12 steps): 431 ms = forward 168 ms (39%), ...}.
     */
    public StepTimes stepTimes() {
        return stepTimes.copy();
    }

    /** Optimizer steps taken (the schedule position). */
    public long step() {
        return optimizer.step();
    }

    /** Frees the optimizer state, the saved best weights and the device threads (not the model). */
    @Override
    public void close() {
        step.close();
        manager.close();
    }

    private void runEpoch(int epoch, ProgressDisplay progress) {
        List<Pair<String, Parameter>> trained = applyFreezing(epoch);
        List<TokenBatch> batches = settings.train.batches(epoch, settings.seed);
        for (int start = stepsDoneInEpoch * settings.accumulation; start < batches.size();
                start += settings.accumulation) {
            stopIfInterrupted(epoch);
            long stepStart = System.nanoTime();
            // Re-seeding before every step makes dropout depend only on (seed, step): a run that
            // continues after an interrupt, or resumes from a checkpoint, draws the same masks as
            // an uninterrupted one.
            Engine.getInstance().setRandomSeed((int) (settings.seed * 1_000_003L + optimizer.step()));
            List<TokenBatch> group = batches.subList(start, Math.min(batches.size(), start + settings.accumulation));
            TrainingStep.Result result = trainStep(group, trained, epoch);
            epochLossSum += result.lossSum();
            epochCount += result.count();
            stepsDoneInEpoch++;
            double meanLoss = result.lossSum() / result.count();
            history.addStep(new TrainingHistory.Step(optimizer.step(), epoch, meanLoss, result.lr(), result.gradNorm()));
            if (progress != null) {
                progress.step(optimizer.step(), epoch, meanLoss, result.lr(), result.examples());
            }
            stepTimes.endStep(System.nanoTime() - stepStart);
        }
        Map<String, Double> validation = settings.validation == null ? Map.of()
                : Evaluator.evaluate(settings.model, settings.validation, manager);
        // Nothing below fails on its own, so an exception above leaves the epoch to be finished by the next fit().
        history.addEpoch(new TrainingHistory.Epoch(epoch, optimizer.step(), epochLossSum / epochCount, validation));
        if (stopping != null) {
            if (stopping.observe(epoch, validation.get(stopping.metric()))) {
                replaceBest(Weights.copy(settings.model, manager));
            }
            stoppedEarly = stopping.shouldStop();
        }
        epochsDone = epoch + 1;
        stepsDoneInEpoch = 0;
        epochLossSum = 0;
        epochCount = 0;
        if (settings.checkpointDir != null) {
            writeCheckpoint();
        }
        if (settings.afterEpoch != null) {
            settings.afterEpoch.accept(history.lastEpoch());
        }
    }

    private void stopIfInterrupted(int epoch) {
        if (Thread.interrupted()) {
            throw new CancellationException("Training was interrupted in epoch " + (epoch + 1) + " after optimizer step "
                    + optimizer.step() + ". Call fit() to continue from there"
                    + (settings.checkpointDir == null ? "." : ", or resume(" + settings.checkpointDir
                            + ") in a new tuner to go back to the last finished epoch."));
        }
    }

    /** Gradients left on the parameters by anything before (a failed step, a backward of one's own). */
    private void clearStaleGradients() {
        for (Pair<String, Parameter> entry : settings.model.getParameters()) {
            NDArray array = entry.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.set(new NDIndex("..."), 0);
                }
            }
        }
    }

    /**
     * Fails before training, not after an epoch: the early-stopping metric must exist and every
     * label of the training and validation data must be a class of the model's head.
     */
    private void checkBeforeTraining() {
        if (stopping != null && !Evaluator.METRICS.contains(stopping.metric())) {
            throw new IllegalArgumentException("Unknown validation metric '" + stopping.metric()
                    + "' for early stopping: choose one of " + Evaluator.METRICS);
        }
        List<TokenBatch> train = settings.train.batches(0, settings.seed);
        int classes = headClasses(train.get(0));
        if (classes <= 0) {
            return; // the block does not say its output shape: the loss will catch bad labels
        }
        Set<Integer> trainLabels = new HashSet<>();
        checkLabels(train, "training", classes, null, trainLabels);
        if (settings.validation != null) {
            checkLabels(settings.validation, "validation", classes, trainLabels, null);
        }
    }

    private int headClasses(TokenBatch sample) {
        try {
            Shape logits = settings.model.getOutputShapes(new Shape[] {shape(sample), shape(sample), shape(sample)})[0];
            return (int) logits.get(logits.dimension() - 1);
        } catch (RuntimeException unknown) {
            return -1;
        }
    }

    private static void checkLabels(List<TokenBatch> batches, String data, int classes,
            Set<Integer> trainLabels, Set<Integer> seen) {
        for (int b = 0; b < batches.size(); b++) {
            TokenBatch batch = batches.get(b);
            if (batch.labels() == null && batch.tokenLabels() == null) {
                throw new IllegalArgumentException("Batch " + b + " of the " + data + " data has no labels: "
                        + "training and validation batches need labels (or token labels).");
            }
            for (int i = 0; i < batch.size(); i++) {
                int[] row = batch.labels() != null ? new int[] {batch.labels()[i]} : batch.tokenLabels()[i];
                for (int label : row) {
                    if (label == TokenBatch.IGNORE_LABEL) {
                        continue;
                    }
                    if (label < 0 || label >= classes) {
                        throw new IllegalArgumentException("Label id " + label + " in the " + data + " data (batch "
                                + b + ", example " + i + ") is not a class of the model's head, which has " + classes
                                + " classes (ids 0.." + (classes - 1) + ")"
                                + (trainLabels != null && !trainLabels.contains(label)
                                        ? "; it does not occur in the training data either" : "")
                                + ". Build the classifier with every label of the data (.labels(...) listing also "
                                + "the labels seen only in validation), or drop or map the examples with this label.");
                    }
                    if (seen != null) {
                        seen.add(label);
                    }
                }
            }
        }
    }

    private TrainingStep.Result trainStep(List<TokenBatch> group, List<Pair<String, Parameter>> trained, int epoch) {
        double lr = schedule.lr(optimizer.step());
        TrainingStep.Result result = step.run(group, trained, lr, manager);
        if (!result.updated()) {
            throw new TrainingDivergedException("The training loss became " + result.lossSum() + " at optimizer step "
                    + (optimizer.step() + 1) + " (epoch " + (epoch + 1) + "); the weights were not updated. "
                    + (settings.checkpointDir == null ? "No checkpoint directory was set."
                            : "The last good checkpoint is in " + settings.checkpointDir + ".")
                    + " Try a lower learning rate, more warmup or gradient clipping.");
        }
        return result;
    }

    private List<Pair<String, Parameter>> applyFreezing(int epoch) {
        List<Pair<String, Parameter>> trained = new ArrayList<>();
        for (Pair<String, Parameter> entry : settings.model.getParameters()) {
            boolean trains = settings.freezing == null ? entry.getValue().requiresGradient()
                    : settings.freezing.trains(settings.groups.layerOf(entry.getKey()), epoch);
            entry.getValue().freeze(!trains);
            entry.getValue().getArray().setRequiresGradient(trains);
            if (trains) {
                trained.add(entry);
            }
        }
        if (trained.isEmpty()) {
            throw new IllegalStateException("No parameter trains in epoch " + (epoch + 1)
                    + ": the freezing rule froze everything. Check the ParameterGroups names (is there a head?).");
        }
        return trained;
    }

    /** Keeps {@code best} (taking ownership) as the best weights so far. */
    private void replaceBest(NDList best) {
        if (best == null) {
            return;
        }
        best.attach(manager);
        if (bestWeights != null) {
            bestWeights.close();
        }
        bestWeights = best;
    }

    private void writeCheckpoint() {
        try (NDManager saving = manager.newSubManager()) {
            NDList model = Weights.copy(settings.model, saving);
            NDList optimizerState = optimizer.state();
            optimizerState.attach(saving);
            Checkpoint.write(settings.checkpointDir, new Checkpoint.State(epochsDone, optimizer.step(), stoppedEarly,
                    checkpointSettings(), stopping == null ? null : stopping.state(), history), model, optimizerState, bestWeights);
        }
    }

    private Checkpoint.Settings checkpointSettings() {
        return new Checkpoint.Settings(settings.seed, settings.epochs, settings.accumulation, settings.learningRate,
                stepsPerEpoch * settings.epochs);
    }

    private static Shape shape(TokenBatch sample) {
        return new Shape(sample.size(), sample.length());
    }

    /** Settings of a {@link FineTuner}; only model and train data are required. */
    public static final class Builder {
        private Block model;
        private BatchSource train;
        private List<TokenBatch> validation;
        private int epochs = 3;
        private double learningRate = 2e-5;
        private long warmupSteps = -1;
        private double warmupRatio = 0;
        private LrSchedule.Kind scheduleKind = LrSchedule.Kind.LINEAR;
        private double weightDecay = 0.01;
        private double clipNorm = 1.0;
        private int accumulation = 1;
        private long seed = 42;
        private String metric = "loss";
        private EarlyStopping.Goal goal = EarlyStopping.Goal.MINIMIZE;
        private int patience;
        private Path checkpointDir;
        private List<Device> devices;
        private ParameterGroups groups;
        private Freezing freezing;
        private boolean progress = true;
        private long progressIntervalMillis = 250;
        private int batchesPerEpoch;
        private java.util.function.Consumer<TrainingHistory.Epoch> afterEpoch;

        private Builder() {}

        /** The block to train (already initialized). */
        public Builder model(Block model) {
            this.model = model;
            return this;
        }

        /** Where each epoch's training batches come from. */
        public Builder trainData(BatchSource train) {
            this.train = train;
            return this;
        }

        /** Training batches, reshuffled (as whole batches) every epoch. */
        public Builder trainData(List<TokenBatch> batches) {
            return trainData(BatchSource.shuffled(batches));
        }

        /** Labelled batches evaluated after every epoch (also enables best-weight selection). */
        public Builder validationData(List<TokenBatch> validation) {
            this.validation = validation == null ? null : List.copyOf(validation);
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Peak learning rate. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Warmup length in optimizer steps (0 = none). */
        public Builder warmupSteps(long warmupSteps) {
            require(warmupSteps >= 0, "warmupSteps must be 0 or more (optimizer steps over which the learning rate "
                    + "rises from 0 to its peak), got " + warmupSteps + ".");
            this.warmupSteps = warmupSteps;
            return this;
        }

        /** Warmup length as a fraction of all optimizer steps (used unless warmupSteps is set). */
        public Builder warmupRatio(double warmupRatio) {
            this.warmupRatio = warmupRatio;
            return this;
        }

        /** Decay after warmup: linear (default), cosine or constant. */
        public Builder schedule(LrSchedule.Kind kind) {
            this.scheduleKind = kind;
            return this;
        }

        /** Decoupled AdamW weight decay (not applied to biases and norm weights). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Maximum global gradient norm; 0 turns clipping off. */
        public Builder clipNorm(double clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        /** Micro-batches per optimizer step. */
        public Builder accumulationSteps(int accumulation) {
            this.accumulation = accumulation;
            return this;
        }

        /** Seed of data order, dropout and (through {@link #initialize}) head initialization. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The validation metric that picks the best epoch ("loss", "accuracy", "f1_macro",
         * "f1_micro", "f1_weighted") and the patience in epochs (0 = never stop early).
         */
        public Builder earlyStopping(String metric, EarlyStopping.Goal goal, int patience) {
            this.metric = metric;
            this.goal = goal;
            this.patience = patience;
            return this;
        }

        /** Where a checkpoint is written after every epoch. */
        public Builder checkpointDir(Path checkpointDir) {
            this.checkpointDir = checkpointDir;
            return this;
        }

        /** "auto" (default), "cpu", "gpu" or "gpu:N"; see {@link Devices#choose}. */
        public Builder device(String preference) {
            this.devices = Devices.choose(preference);
            return this;
        }

        /** Explicit devices (the first holds the model). */
        public Builder devices(List<Device> devices) {
            this.devices = List.copyOf(devices);
            return this;
        }

        /**
         * How parameter names map to decay, layers and head; default: {@link ParameterGroups#of} for
         * an {@link EncoderClassifier}, else {@link ParameterGroups#byName()}.
         */
        public Builder parameterGroups(ParameterGroups groups) {
            this.groups = groups;
            return this;
        }

        /**
         * Which parameters train in each epoch; default: the model's own frozen flags (everything,
         * unless e.g. {@code classifier.freezeEncoder()} was called).
         */
        public Builder freezing(Freezing freezing) {
            this.freezing = freezing;
            return this;
        }

        /**
         * Called after every epoch, once its validation ran and its checkpoint was written (e.g. to
         * sample from the model at that point). An exception thrown here ends {@link FineTuner#fit}
         * with the epoch already counted and checkpointed.
         */
        public Builder afterEpoch(java.util.function.Consumer<TrainingHistory.Epoch> listener) {
            this.afterEpoch = listener;
            return this;
        }

        /** Whether to show a live progress bar (default true). */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Checks the settings and creates the tuner. Every setting is checked here, before any
         * training: a bad one fails with a message that names it and says what to give instead.
         * (Labels are checked against the model's head when {@link FineTuner#fit} starts.)
         */
        public FineTuner build() {
            Objects.requireNonNull(model, "model: call .model(block)");
            Objects.requireNonNull(train, "trainData: call .trainData(batches)");
            require(epochs >= 1, "epochs must be at least 1 (full passes over the training data), got " + epochs
                    + ": e.g. .epochs(3).");
            require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be a positive number, got "
                    + learningRate + ": fine-tuning a pretrained encoder usually takes 1e-5 to 1e-4, e.g. "
                    + ".learningRate(2e-5).");
            require(warmupRatio >= 0 && warmupRatio <= 1, "warmupRatio must be in [0, 1] (the fraction of all "
                    + "optimizer steps spent warming up), got " + warmupRatio + ": e.g. .warmupRatio(0.1).");
            require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be 0 or more, got "
                    + weightDecay + ": 0.01 is usual, 0 turns it off.");
            require(clipNorm >= 0 && Double.isFinite(clipNorm), "clipNorm must be 0 or more (0 = no clipping), got "
                    + clipNorm + ": 1.0 is usual.");
            require(accumulation >= 1, "accumulationSteps must be at least 1 (micro-batches per optimizer step; 1 = "
                    + "no accumulation), got " + accumulation + ".");
            require(validation == null || !validation.isEmpty(), "validationData is empty: pass null for none");
            require(patience >= 0, "early-stopping patience must be 0 or more epochs (0 = never stop early), got "
                    + patience + ".");
            require(patience == 0 || validation != null, "early stopping needs validationData");
            List<TokenBatch> firstEpoch = train.batches(0, seed);
            require(firstEpoch != null && !firstEpoch.isEmpty() && firstEpoch.stream().allMatch(b -> b != null
                    && b.size() > 0), "The training data is empty (its BatchSource gave no batches, or an empty "
                    + "batch, for epoch 1): give at least one batch with at least one labelled example.");
            batchesPerEpoch = firstEpoch.size();
            if (devices == null) {
                devices = Devices.choose("auto");
            }
            if (groups == null) {
                groups = model instanceof EncoderClassifier classifier ? ParameterGroups.of(classifier)
                        : ParameterGroups.byName();
            }
            return new FineTuner(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
