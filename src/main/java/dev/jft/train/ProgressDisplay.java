package dev.jft.train;

import dev.jft.viz.DisplaySink;
import java.util.function.LongSupplier;

/**
 * Live progress of a training run: displayed once, then redrawn in place at most every
 * {@code minIntervalMillis} (the last step always draws). Loss is an exponential moving average
 * (bias-corrected, weight 0.98 on the past); speed and ETA come from the wall clock since start.
 *
 * <pre>{@code
 * ProgressDisplay progress = new ProgressDisplay(Displays.sink(), 250, System::nanoTime);
 * progress.start(0, totalSteps, 0, epochs);
 * progress.step(step, epoch, loss, lr, batchSize); // every optimizer step
 * progress.finish();
 * }</pre>
 */
public final class ProgressDisplay {

    private static final double SMOOTHING = 0.98;

    private final DisplaySink sink;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;
    private String displayId;
    private long totalSteps;
    private int epochs;
    private long startNanos;
    private long lastDrawNanos;
    private long examples;
    private long stepsThisRun;
    private double average;
    private int averaged;
    private long lastStep;
    private int lastEpoch;
    private double lastLr;

    /** Draws on {@code sink}, no more often than every {@code minIntervalMillis}, timed by {@code nanoClock}. */
    public ProgressDisplay(DisplaySink sink, long minIntervalMillis, LongSupplier nanoClock) {
        this.sink = sink;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** Shows the bar at {@code firstStep} of {@code totalSteps}. */
    public void start(long firstStep, long totalSteps, int firstEpoch, int epochs) {
        this.totalSteps = totalSteps;
        this.epochs = epochs;
        startNanos = nanoClock.getAsLong();
        lastDrawNanos = startNanos;
        displayId = sink.display(new TrainingProgress(firstStep, totalSteps, firstEpoch, epochs, Double.NaN, 0, 0, -1));
    }

    /** Reports one finished optimizer step ({@code step} counts from 1); redraws if due. */
    public void step(long step, int epoch, double loss, double lr, int stepExamples) {
        examples += stepExamples;
        stepsThisRun++;
        averaged++;
        average = SMOOTHING * average + (1 - SMOOTHING) * loss;
        lastStep = step;
        lastEpoch = epoch;
        lastLr = lr;
        long now = nanoClock.getAsLong();
        if (now - lastDrawNanos >= minIntervalNanos || step >= totalSteps) {
            draw(now);
        }
    }

    /** Draws the latest state whatever the throttle says (training ended, maybe early). */
    public void finish() {
        if (stepsThisRun > 0) {
            draw(nanoClock.getAsLong());
        }
    }

    private void draw(long now) {
        lastDrawNanos = now;
        sink.update(displayId, snapshot(lastStep, lastEpoch, lastLr, now));
    }

    /** The loss average with the start-up bias removed (as in fastai). */
    double smoothedLoss() {
        return averaged == 0 ? Double.NaN : average / (1 - Math.pow(SMOOTHING, averaged));
    }

    private TrainingProgress snapshot(long step, int epoch, double lr, long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? examples / seconds : 0;
        double eta = seconds > 0 ? seconds / stepsThisRun * (totalSteps - step) : -1;
        return new TrainingProgress(step, totalSteps, epoch, epochs, smoothedLoss(), lr, rate, eta);
    }
}
