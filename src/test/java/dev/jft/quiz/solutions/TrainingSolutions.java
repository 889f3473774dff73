package dev.jft.quiz.solutions;

import dev.jft.quiz.exercises.training.WarmupLinearRate;

/**
 * Reference and known-wrong solutions for lesson 04-training. They live in the test tree so they
 * never reach a notebook or the course jar; the proof tests grade them.
 */
public final class TrainingSolutions {

    private TrainingSolutions() {}

    public static final WarmupLinearRate WARMUP_LINEAR = (peak, warmupSteps, totalSteps, step) -> {
        if (step < warmupSteps) {
            return peak * step / warmupSteps;                        // 0 at step 0, the peak at warmupSteps
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);     // warmup == total: no decay to divide by
        return peak * Math.max(0, (double) (totalSteps - step) / decaySteps);   // 0 from totalSteps on
    };

    /** A usual mistake: step / warmupSteps in long arithmetic, which is 0 during the whole warmup. */
    public static final WarmupLinearRate WARMUP_LINEAR_INTEGER_DIVISION = (peak, warmupSteps, totalSteps, step) -> {
        if (step < warmupSteps) {
            return peak * (step / warmupSteps);
        }
        return peak * Math.max(0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    };
}
