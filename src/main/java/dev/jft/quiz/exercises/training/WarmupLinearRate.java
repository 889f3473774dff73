package dev.jft.quiz.exercises.training;

/**
 * What the learner writes in exercise training-warmup-linear: the learning rate of optimizer step
 * {@code step} (0-based) under linear warmup to {@code peak} over {@code warmupSteps} steps, then a
 * straight line down to 0 at {@code totalSteps}.
 *
 * <pre>{@code
 * dev.jft.quiz.exercises.training.WarmupLinearRate lr = (peak, warmupSteps, totalSteps, step) -> ...;
 * lr.lr(1.0, 10, 110, 5);   // 0.5: halfway through warmup
 * }</pre>
 */
@FunctionalInterface
public interface WarmupLinearRate {

    /** The learning rate of optimizer step {@code step}. */
    double lr(double peak, long warmupSteps, long totalSteps, long step);
}
