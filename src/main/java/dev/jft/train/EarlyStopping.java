package dev.jft.train;

/**
 * Tracks the best value of a validation metric and how many epochs passed without improving on
 * it; training stops once that count reaches the patience (0 = never stop early).
 *
 * <pre>{@code
 * EarlyStopping stopping = new EarlyStopping("f1_macro", EarlyStopping.Goal.MAXIMIZE, 2);
 * boolean best = stopping.observe(epoch, 0.81); // true: new best, keep these weights
 * stopping.shouldStop();
 * }</pre>
 */
public final class EarlyStopping {

    /** Whether larger or smaller metric values are better. */
    public enum Goal {
        MAXIMIZE, MINIMIZE
    }

    private final String metric;
    private final Goal goal;
    private final int patience;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int epochsWithoutImprovement;

    /** Watches {@code metric} (a key of the validation results, e.g. "loss" or "accuracy"). */
    public EarlyStopping(String metric, Goal goal, int patience) {
        if (metric == null || metric.isBlank() || goal == null || patience < 0) {
            throw new IllegalArgumentException("Early stopping needs a metric name, a goal and patience >= 0, got "
                    + metric + ", " + goal + ", " + patience);
        }
        this.metric = metric;
        this.goal = goal;
        this.patience = patience;
    }

    /**
     * Records the metric after {@code epoch}; returns true when it is the best so far. A NaN value
     * (a diverged validation loss) is never the best, and any number beats it.
     */
    public boolean observe(int epoch, double value) {
        boolean improved = !Double.isNaN(value) && (bestEpoch < 0 || Double.isNaN(best)
                || (goal == Goal.MAXIMIZE ? value > best : value < best));
        if (improved) {
            best = value;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        return improved;
    }

    /** True once {@code patience} epochs in a row brought no improvement. */
    public boolean shouldStop() {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    public String metric() {
        return metric;
    }

    public Goal goal() {
        return goal;
    }

    /** Best value seen (NaN before the first epoch). */
    public double best() {
        return best;
    }

    /** Epoch of the best value (-1 before the first epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The counters, for checkpoints. */
    State state() {
        return new State(best, bestEpoch, epochsWithoutImprovement);
    }

    void restore(State state) {
        best = state.best();
        bestEpoch = state.bestEpoch();
        epochsWithoutImprovement = state.epochsWithoutImprovement();
    }

    /** What a checkpoint stores. */
    record State(double best, int bestEpoch, int epochsWithoutImprovement) {}
}
