package dev.jft.generate;

import dev.jft.course.Course;
import dev.jft.train.Checkpoint;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./course pretrain}: pretrains the course's small GPT-2 (or resumes it from its last
 * checkpoint; a finished run is only reported), with a live progress line and a sample at every
 * checkpoint. Ctrl-C (or {@code kill}) stops it after the step in progress; running the command again
 * continues from the last checkpoint.
 *
 * <pre>{@code
 * ./course pretrain                     # the lesson's model (31 minutes on 2 idle cores)
 * ./course pretrain --fast              # the tiny fast-mode model (also with COURSE_FAST=1)
 * ./course pretrain --layers 6 --width 384 --heads 6 --context 128 --batch 16 --every 100 --checkpoints 30
 * }</pre>
 * A changed shape or schedule is another run, in its own folder under {@code .cache/pretrained/}.
 */
public final class PretrainCommand {

    private PretrainCommand() {}

    /** Longest wait, after Ctrl-C or a kill, for the step (or checkpoint) in progress to end. */
    private static final long STOP_WAIT_MILLIS = 120_000;

    public static void main(String[] args) {
        Thread trainer = Thread.currentThread();
        AtomicBoolean signalled = new AtomicBoolean();
        // Ctrl-C and kill run shutdown hooks while this thread may be inside libtorch; letting the JVM
        // exit then crashes it (SIGSEGV in native code). So the hook asks training to stop between two
        // steps (FineTuner honours interrupts there) and waits for it.
        Thread stopper = new Thread(() -> {
            signalled.set(true);
            trainer.interrupt();
            try {
                trainer.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pretrain-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
        int status = run(args, signalled);
        if (signalled.get()) {
            return; // the JVM is already exiting (System.exit now would wait for the hook, which waits for us)
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int run(String[] args, AtomicBoolean signalled) {
        PretrainPlan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pretrain: " + e.getMessage());
            return 2;
        }
        System.out.println("Pretraining plan: " + plan);
        System.out.println("Folder: " + plan.folder());
        if (Pretraining.isDone(plan)) {
            Pretraining.Result done = Pretraining.load(plan.folder());
            System.out.printf(Locale.ROOT, "Already pretrained (%d steps); the lesson uses %s%n",
                    done.history().steps().size(), plan.folder().resolve(Pretraining.MODEL));
            return 0;
        }
        System.out.println("Each 'epoch' in the progress line is the run of " + plan.stepsPerCheckpoint()
                + " steps between two checkpoints. Ctrl-C stops; running again resumes from the last checkpoint.");
        try {
            Pretraining.Result result = Pretraining.ensure(plan);
            System.out.println();
            System.out.printf(Locale.ROOT, "Done: %d steps in all, %d of them in this run (%.0f s); final held-out loss"
                    + " %.3f. Model: %s%n", result.history().steps().size(), result.stepsTrainedNow(), result.seconds(),
                    result.history().lastEpoch().validation().get("loss"), result.folder().resolve(Pretraining.MODEL));
            return 0;
        } catch (RuntimeException e) {
            if (!signalled.get()) {
                throw e;
            }
            // An interrupt can also surface as an I/O error of a checkpoint being written; the engine
            // writes checkpoints atomically, so the last complete one is intact either way.
            System.out.println();
            System.out.println("Stopped. " + lastCheckpoint(plan) + " Run ./course pretrain again to resume there.");
            return 130;
        }
    }

    private static String lastCheckpoint(PretrainPlan plan) {
        Path checkpoints = plan.folder().resolve(Pretraining.CHECKPOINTS);
        if (!Checkpoint.exists(checkpoints)) {
            return "No checkpoint was written yet (the first comes at step " + plan.stepsPerCheckpoint() + ").";
        }
        return "The last checkpoint is at step " + Checkpoint.readState(checkpoints).step() + " of "
                + plan.totalSteps() + ".";
    }

    /** The plan the arguments describe: the course's (or fast mode's), with any sizes changed. */
    static PretrainPlan plan(String[] args) {
        boolean fast = Course.fast();
        int layers = -1;
        int width = -1;
        int heads = -1;
        int context = -1;
        int batch = -1;
        int every = -1;
        int checkpoints = -1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fast")) {
                fast = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg + usage());
            }
            int value = number(arg, args[++i]);
            switch (arg) {
                case "--layers" -> layers = value;
                case "--width" -> width = value;
                case "--heads" -> heads = value;
                case "--context" -> context = value;
                case "--batch" -> batch = value;
                case "--every" -> every = value;
                case "--checkpoints" -> checkpoints = value;
                default -> throw new IllegalArgumentException("unknown option " + arg + usage());
            }
        }
        PretrainPlan plan = fast ? PretrainPlan.fast() : PretrainPlan.full();
        var c = plan.config();
        if (layers > 0 || width > 0 || heads > 0) {
            plan = plan.withModel(layers > 0 ? layers : c.numLayers(), width > 0 ? width : c.width(),
                    heads > 0 ? heads : c.numHeads());
        }
        if (context > 0 || batch > 0 || every > 0 || checkpoints > 0) {
            plan = plan.withSteps(context > 0 ? context : plan.context(), batch > 0 ? batch : plan.batchSize(),
                    every > 0 ? every : plan.stepsPerCheckpoint(), checkpoints > 0 ? checkpoints : plan.checkpoints());
        }
        return plan;
    }

    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of at least 1, got '" + value + "'");
        }
    }

    private static String usage() {
        return ". Usage: ./course pretrain [--fast] [--layers N] [--width N] [--heads N] [--context N] [--batch N]"
                + " [--every STEPS] [--checkpoints N]";
    }
}
