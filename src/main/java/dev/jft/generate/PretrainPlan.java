package dev.jft.generate;

import dev.jft.course.Course;
import dev.jft.model.Gpt2Config;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link Pretraining} trains: the model's shape (a GPT-2 with GPT-2's 50,257-token vocabulary,
 * so that GPT-2's tokenizer and checkpoints fit), the batch, the number of steps and how often a
 * checkpoint is written. Its name encodes all of it, so a changed plan never reuses another's cache.
 *
 * <pre>{@code
 * PretrainPlan plan = PretrainPlan.forCourse();       // full, or the tiny fast-mode plan under COURSE_FAST=1
 * plan.totalSteps();                                   // stepsPerCheckpoint x checkpoints
 * PretrainPlan wider = plan.withModel(6, 384, 6);      // layers, width, heads
 * }</pre>
 *
 * @param config the model (its {@code maxPositions} is the training context)
 * @param batchSize windows per optimizer step
 * @param stepsPerCheckpoint optimizer steps between two checkpoints (and samples)
 * @param checkpoints checkpoints in the whole run
 * @param learningRate peak learning rate (warmup, then cosine decay to 0)
 * @param warmupSteps linear warmup steps
 * @param seed initial weights, data order and sampling
 * @param heldOutBatches held-out batches evaluated at every checkpoint
 * @param smallCorpus true for fast mode's slice of the corpus
 */
public record PretrainPlan(Gpt2Config config, int batchSize, int stepsPerCheckpoint, int checkpoints,
        double learningRate, int warmupSteps, long seed, int heldOutBatches, boolean smallCorpus) {

    /** The prompt of the samples taken at every checkpoint. */
    public static final String SAMPLE_PROMPT = "The";

    public PretrainPlan {
        if (batchSize < 1 || stepsPerCheckpoint < 1 || checkpoints < 1 || heldOutBatches < 1) {
            throw new IllegalArgumentException("batchSize, stepsPerCheckpoint, checkpoints and heldOutBatches must be"
                    + " at least 1, got " + batchSize + ", " + stepsPerCheckpoint + ", " + checkpoints + ", "
                    + heldOutBatches);
        }
        if (warmupSteps < 0 || warmupSteps > (long) stepsPerCheckpoint * checkpoints) {
            throw new IllegalArgumentException("warmupSteps must be between 0 and the " + (long) stepsPerCheckpoint
                    * checkpoints + " steps of the run, got " + warmupSteps);
        }
    }

    /**
     * The course's plan: 6 layers of width 256 with 4 heads (17.6 M parameters, 12.9 M of them the
     * token embeddings), a 128-token context, batches of 16 windows (2,048 tokens), 1,000 steps with a
     * checkpoint every 100: 2 M tokens. On 2 idle cores it trained in 1,514 s (25 minutes, 1.5 s a step)
     * with AVX-512 and in 3,527 s (3.5 s a step) with AVX2 only, to a held-out loss of 5.72. Most of a
     * step is the 50,257-way output layer, so extra layers cost little.
     */
    public static PretrainPlan full() {
        return new PretrainPlan(model(128, 256, 6, 4), 16, 100, 10, 1.5e-3, 100, 42, 16, false);
    }

    /** Fast mode: 1 layer of width 32, a 32-token context, 40 steps, a checkpoint every 10 (about a minute). */
    public static PretrainPlan fast() {
        return new PretrainPlan(model(32, 32, 1, 2), 8, 10, 4, 3e-3, 5, 42, 4, true);
    }

    /** {@link #fast()} under {@code COURSE_FAST=1}, else {@link #full()}. */
    public static PretrainPlan forCourse() {
        return Course.fast() ? fast() : full();
    }

    /** The same plan with another model shape (context unchanged). */
    public PretrainPlan withModel(int layers, int width, int heads) {
        return new PretrainPlan(model(config.maxPositions(), width, layers, heads), batchSize, stepsPerCheckpoint,
                checkpoints, learningRate, warmupSteps, seed, heldOutBatches, smallCorpus);
    }

    /** The same plan with another context length, batch size and schedule of checkpoints. */
    public PretrainPlan withSteps(int context, int batchSize, int stepsPerCheckpoint, int checkpoints) {
        return new PretrainPlan(model(context, config.width(), config.numLayers(), config.numHeads()), batchSize,
                stepsPerCheckpoint, checkpoints, learningRate, Math.min(warmupSteps, stepsPerCheckpoint * checkpoints),
                seed, heldOutBatches, smallCorpus);
    }

    /** Optimizer steps in the whole run. */
    public long totalSteps() {
        return (long) stepsPerCheckpoint * checkpoints;
    }

    /** Training context: tokens per window. */
    public int context() {
        return config.maxPositions();
    }

    /** A folder name that differs whenever anything that changes the result differs. */
    public String name() {
        return String.format(Locale.ROOT, "gpt2-%dx%d-h%d-ctx%d-b%d-%dx%d-lr%s-w%d-s%d%s", config.numLayers(),
                config.width(), config.numHeads(), context(), batchSize, checkpoints, stepsPerCheckpoint,
                Double.toString(learningRate), warmupSteps, seed, smallCorpus ? "-small" : "");
    }

    /** Where this plan's run lives: {@code .cache/pretrained/<name>}. */
    public Path folder() {
        return Course.cache().resolve("pretrained").resolve(name());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GPT-2 %d layers x %d wide, %d heads, %d-token context, %,d parameters; "
                + "%,d steps of %d windows (%,d tokens each), a checkpoint every %d steps", config.numLayers(),
                config.width(), config.numHeads(), context(), config.parameterCount(), totalSteps(), batchSize,
                batchSize * context(), stepsPerCheckpoint);
    }

    /** A GPT-2-vocabulary model without dropout (pretraining sees most text about once: nothing to regularise). */
    private static Gpt2Config model(int context, int width, int layers, int heads) {
        return Gpt2Config.of(Gpt2Config.GPT2_END_OF_TEXT + 1, context, width, layers, heads).withDropout(0);
    }
}
