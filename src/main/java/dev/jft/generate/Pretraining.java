package dev.jft.generate;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import dev.jft.course.Json;
import dev.jft.model.Gpt2Checkpoint;
import dev.jft.model.Gpt2Checkpoints;
import dev.jft.model.Gpt2Decoder;
import dev.jft.text.Gpt2Tokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.Checkpoint;
import dev.jft.train.FineTuner;
import dev.jft.train.LrSchedule;
import dev.jft.train.TrainingHistory;
import dev.jft.viz.Displays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pretrains a small GPT-2 on general English ({@link PretrainCorpus}) with the course's training
 * engine ({@link FineTuner}: AdamW, warmup + cosine schedule, gradient clipping, checkpoints, exact
 * resume), taking a sample and measuring held-out loss at every checkpoint. Resumable: a run that
 * was stopped (Ctrl-C, a crash, a closed notebook) continues from its last checkpoint when run
 * again; a finished run is only loaded.
 *
 * <p>A run's folder ({@link PretrainPlan#folder()}) holds {@code checkpoints/} (the engine's; its
 * state has the whole loss history), {@code samples.json}, and once finished {@code model/} (a Hugging
 * Face GPT-2 folder: config.json, model.safetensors, vocab.json, merges.txt) and {@code DONE}.
 *
 * The tokenized corpus is kept beside the runs ({@code .cache/pretrained/corpus.tokens}), so a
 * resumed run or another plan does not tokenize again.
 *
 * <pre>{@code
 * Pretraining.Result pretrained = Pretraining.ensure(PretrainPlan.forCourse()); // trains, resumes or loads
 * pretrained.history().chart();
 * Gpt2Decoder decoder = Gpt2Decoder.pretrained(pretrained.checkpoint(), manager);
 * }</pre>
 */
public final class Pretraining {

    private static final Gson GSON = Json.builder().setPrettyPrinting().create();
    static final String CHECKPOINTS = "checkpoints";
    static final String SAMPLES = "samples.json";
    static final String MODEL = "model";
    static final String DONE = "DONE";
    /** New tokens in each checkpoint's sample. */
    static final int SAMPLE_TOKENS = 40;

    private Pretraining() {}

    /**
     * What the model wrote at one optimizer step (0 = before training), from the same prompt and seed,
     * and the wall time the run had spent training up to that step (over all its resumed parts).
     */
    public record Sample(long step, String text, double seconds) {}

    /**
     * A finished (or, from {@link #run} with an interruption, partial) pretraining.
     *
     * @param folder the run's folder
     * @param checkpoint the final weights (null while unfinished)
     * @param history loss of every step and held-out loss at every checkpoint
     * @param samples one per checkpoint, and one before training
     * @param stepsTrainedNow optimizer steps trained in this call (0: loaded from the cache)
     * @param seconds wall time of the steps trained in this call
     */
    public record Result(Path folder, Gpt2Checkpoint checkpoint, TrainingHistory history, List<Sample> samples,
            long stepsTrainedNow, double seconds) {

        /** True when this call trained (or finished) the run, false when it only loaded a finished one. */
        public boolean trainedNow() {
            return stepsTrainedNow > 0;
        }
    }

    /** True when the plan's run has finished and its model is saved. */
    public static boolean isDone(PretrainPlan plan) {
        return isDone(plan.folder());
    }

    static boolean isDone(Path folder) {
        return Files.isRegularFile(folder.resolve(DONE));
    }

    /** Loads the plan's finished run, or trains it (resuming from its last checkpoint if there is one). */
    public static Result ensure(PretrainPlan plan) {
        if (isDone(plan)) {
            return load(plan.folder());
        }
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.gpt2();
        // Shared by every plan: tokenizing the whole corpus takes a while
        Path tokens = plan.folder().getParent().resolve(plan.smallCorpus() ? "corpus-small.tokens" : "corpus.tokens");
        PretrainCorpus corpus = PretrainCorpus.english(tokenizer, plan.smallCorpus(), tokens);
        return run(plan, plan.folder(), corpus, tokenizer, sample -> {});
    }

    /** A finished run's model, history and samples. */
    public static Result load(Path folder) {
        if (!isDone(folder)) {
            throw new IllegalArgumentException(folder + " holds no finished pretraining (no " + DONE + " file): run"
                    + " ./course pretrain, or Pretraining.ensure(plan), which resumes an unfinished one");
        }
        return new Result(folder, Gpt2Checkpoints.load(folder.resolve(MODEL)),
                Checkpoint.readState(folder.resolve(CHECKPOINTS)).history(), readSamples(folder), 0, 0);
    }

    /**
     * Trains the plan in {@code folder} on {@code corpus}, from its last checkpoint when there is one.
     * {@code afterCheckpoint} sees each new sample once its checkpoint is on disk (an exception there
     * stops the run; running again resumes after that checkpoint).
     */
    public static Result run(PretrainPlan plan, Path folder, PretrainCorpus corpus, Gpt2Tokenizer tokenizer,
            Consumer<Sample> afterCheckpoint) {
        long windowsNeeded = plan.context() + 1L;
        if (corpus.heldOut().length <= windowsNeeded) {
            throw new IllegalArgumentException("The held-out text has " + corpus.heldOut().length + " tokens, too few"
                    + " for one window of " + windowsNeeded + ": use a shorter context or more text");
        }
        Path checkpoints = folder.resolve(CHECKPOINTS);
        List<TokenBatch> heldOut = CausalLmBatches.packed(corpus.heldOut(), plan.context(), plan.batchSize());
        heldOut = List.copyOf(heldOut.subList(0, Math.min(plan.heldOutBatches(), heldOut.size())));
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.random(plan.config(), plan.seed(), manager);
            Generator sampler = new Generator(decoder).decoding(Decoding.sample(0.8).withTopK(40))
                    .maxNewTokens(Math.min(SAMPLE_TOKENS, plan.context() - 1)).seed(plan.seed());
            List<Sample> samples = new ArrayList<>(Files.isRegularFile(folder.resolve(SAMPLES))
                    ? readSamples(folder) : List.of());
            long[] clock = {System.nanoTime()};
            double[] secondsBefore = {0};
            try (FineTuner tuner = FineTuner.builder().model(decoder)
                    .trainData(CausalLmBatches.randomWindows(corpus.train(), plan.context(), plan.batchSize(),
                            plan.stepsPerCheckpoint()))
                    .validationData(heldOut)
                    .epochs(plan.checkpoints()).learningRate(plan.learningRate()).warmupSteps(plan.warmupSteps())
                    .schedule(LrSchedule.Kind.COSINE).weightDecay(0.1).clipNorm(1.0).seed(plan.seed())
                    .checkpointDir(checkpoints)
                    .afterEpoch(epoch -> {
                        Sample sample = sample(sampler, tokenizer, epoch.step(),
                                secondsBefore[0] + (System.nanoTime() - clock[0]) / 1e9, manager);
                        samples.add(sample);
                        writeSamples(folder, samples);
                        Displays.sink().display(String.format(java.util.Locale.ROOT,
                                "checkpoint at step %d: held-out loss %.3f (perplexity %.0f); sample: %s",
                                epoch.step(), epoch.validation().get("loss"), Math.exp(epoch.validation().get("loss")),
                                oneLine(sample.text())));
                        afterCheckpoint.accept(sample);
                    })
                    .build()) {
                if (Checkpoint.exists(checkpoints)) {
                    tuner.resume(checkpoints);
                    Displays.sink().display("Resuming from the checkpoint at step " + tuner.step() + " of "
                            + plan.totalSteps() + " in " + checkpoints);
                }
                long resumedAt = tuner.step();
                samples.removeIf(s -> s.step() > resumedAt); // taken after a checkpoint that did not survive
                secondsBefore[0] = samples.stream().filter(s -> s.step() == resumedAt).mapToDouble(Sample::seconds)
                        .findFirst().orElse(0);
                if (samples.stream().noneMatch(s -> s.step() == resumedAt)) {
                    samples.add(sample(sampler, tokenizer, resumedAt, secondsBefore[0], manager));
                    samples.sort(java.util.Comparator.comparingLong(Sample::step));
                    writeSamples(folder, samples);
                }
                clock[0] = System.nanoTime();
                TrainingHistory history = tuner.fit();
                double seconds = (System.nanoTime() - clock[0]) / 1e9;
                Gpt2Checkpoint checkpoint = new Gpt2Checkpoint(folder.toString(), plan.config(), decoder.weights(),
                        tokenizer);
                Gpt2Checkpoints.save(folder.resolve(MODEL), checkpoint);
                Files.writeString(folder.resolve(DONE), plan + "\n");
                return new Result(folder, checkpoint, history, List.copyOf(samples), tuner.step() - resumedAt, seconds);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + folder, e);
        }
    }

    private static Sample sample(Generator sampler, Gpt2Tokenizer tokenizer, long step, double seconds,
            NDManager manager) {
        return new Sample(step, sampler.generate(tokenizer, PretrainPlan.SAMPLE_PROMPT, manager).fullText(tokenizer),
                seconds);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<Sample> readSamples(Path folder) {
        try {
            return List.of(GSON.fromJson(Files.readString(folder.resolve(SAMPLES)), Sample[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder.resolve(SAMPLES), e);
        }
    }

    private static void writeSamples(Path folder, List<Sample> samples) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(SAMPLES + ".partial");
            Files.writeString(partial, GSON.toJson(samples));
            Files.move(partial, folder.resolve(SAMPLES), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + folder.resolve(SAMPLES), e);
        }
    }
}
