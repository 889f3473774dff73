package dev.jft.train;

import java.util.Locale;

/**
 * Where the wall time of training steps went: forward pass (with the loss), backward pass,
 * optimizer (gradient norm, clipping, AdamW update, clearing the gradients), and the rest of
 * the step (building the input tensors, re-seeding, history, progress). With several devices the
 * phases are those of the calling thread, which runs device 0's slice while the others run theirs.
 *
 * <pre>{@code
 * tuner.fit();
 * System.out.println(tuner.stepTimes());
 * // per step (12 steps): 431 ms = forward 168 ms (39%), backward 201 ms (47%), optimizer 52 ms (12%), data/other 10 ms (2%)
 * }</pre>
 */
public final class StepTimes {

    /** The timed parts of a step; the rest of its wall time is "data/other". */
    public enum Phase {
        FORWARD, BACKWARD, OPTIMIZER
    }

    private final long[] phaseNanos = new long[Phase.values().length];
    private long totalNanos;
    private long steps;

    void add(Phase phase, long nanos) {
        phaseNanos[phase.ordinal()] += nanos;
    }

    /** Ends one step that took {@code nanos} of wall time in all. */
    void endStep(long nanos) {
        totalNanos += nanos;
        steps++;
    }

    /** Steps recorded. */
    public long steps() {
        return steps;
    }

    /** Mean milliseconds per step in {@code phase} (0 before the first step). */
    public double millisPerStep(Phase phase) {
        return perStep(phaseNanos[phase.ordinal()]);
    }

    /** Mean milliseconds per step outside the timed phases: input tensors and bookkeeping. */
    public double otherMillisPerStep() {
        long timed = 0;
        for (long nanos : phaseNanos) {
            timed += nanos;
        }
        return perStep(Math.max(0, totalNanos - timed));
    }

    /** Mean wall milliseconds of a whole step. */
    public double totalMillisPerStep() {
        return perStep(totalNanos);
    }

    /** The times of this and {@code other} together, as if recorded by one tuner. */
    public StepTimes plus(StepTimes other) {
        StepTimes sum = new StepTimes();
        for (int i = 0; i < phaseNanos.length; i++) {
            sum.phaseNanos[i] = phaseNanos[i] + other.phaseNanos[i];
        }
        sum.totalNanos = totalNanos + other.totalNanos;
        sum.steps = steps + other.steps;
        return sum;
    }

    StepTimes copy() {
        return plus(new StepTimes());
    }

    private double perStep(long nanos) {
        return steps == 0 ? 0 : nanos / 1e6 / steps;
    }

    /** One line, e.g. {@code per step (12 steps): 431 ms = forward 168 ms (39%), ..., data/other 10 ms (2%)}. */
    @Override
    public String toString() {
        double total = totalMillisPerStep();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "per step (%d steps): %.0f ms =", steps, total));
        for (Phase phase : Phase.values()) {
            line.append(part(phase.name().toLowerCase(Locale.ROOT), millisPerStep(phase), total)).append(',');
        }
        return line.append(part("data/other", otherMillisPerStep(), total)).toString();
    }

    private static String part(String name, double millis, double total) {
        return String.format(Locale.ROOT, " %s %.0f ms (%.0f%%)", name, millis, total > 0 ? 100 * millis / total : 0);
    }
}
