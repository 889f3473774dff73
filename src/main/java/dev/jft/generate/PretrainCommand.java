package dev.jft.generate;

import dev.jft.course.Course;
import java.util.Locale;

/**
 * {@code ./course pretrain}: pretrains the course's small GPT-2 (or resumes it from its last
 * checkpoint; a finished run is only reported), with a live progress line and a sample at every
 * checkpoint. Ctrl-C stops it; running the command again continues from the last checkpoint.
 *
 * <pre>{@code
 * ./course pretrain                     # the lesson's model (about 30 minutes on 2 idle cores)
 * ./course pretrain --fast              # the tiny fast-mode model (also with COURSE_FAST=1)
 * ./course pretrain --layers 6 --width 384 --heads 6 --context 128 --batch 16 --every 100 --checkpoints 30
 * }</pre>
 * A changed shape or schedule is another run, in its own folder under {@code .cache/pretrained/}.
 */
public final class PretrainCommand {

    private PretrainCommand() {}

    public static void main(String[] args) {
        try {
            PretrainPlan plan = plan(args);
            System.out.println("Pretraining plan: " + plan);
            System.out.println("Folder: " + plan.folder());
            if (Pretraining.isDone(plan)) {
                Pretraining.Result done = Pretraining.load(plan.folder());
                System.out.printf(Locale.ROOT, "Already pretrained (%d steps); the lesson uses %s%n",
                        done.history().steps().size(), plan.folder().resolve(Pretraining.MODEL));
                return;
            }
            System.out.println("Each 'epoch' in the progress line is the run of " + plan.stepsPerCheckpoint()
                    + " steps between two checkpoints. Ctrl-C stops; running again resumes from the last checkpoint.");
            Pretraining.Result result = Pretraining.ensure(plan);
            System.out.println();
            System.out.printf(Locale.ROOT, "Done: %d steps in all, %d of them in this run (%.0f s); final held-out loss"
                    + " %.3f. Model: %s%n", result.history().steps().size(), result.stepsTrainedNow(), result.seconds(),
                    result.history().lastEpoch().validation().get("loss"), result.folder().resolve(Pretraining.MODEL));
        } catch (IllegalArgumentException e) {
            System.err.println("pretrain: " + e.getMessage());
            System.exit(2);
        }
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
