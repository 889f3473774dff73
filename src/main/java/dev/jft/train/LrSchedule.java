package dev.jft.train;

/**
 * Learning rate as a function of the optimizer step (0-based): linear warmup from 0 to the peak,
 * then linear or cosine decay to 0 at {@code totalSteps} (the Hugging Face schedules).
 *
 * <pre>{@code
 * LrSchedule schedule = LrSchedule.linear(2e-5, 10, 100);
 * schedule.lr(5);   // 1e-5: halfway through warmup
 * schedule.lr(55);  // 1e-5: halfway through decay
 * }</pre>
 */
@FunctionalInterface
public interface LrSchedule {

    /** Learning rate for optimizer step {@code step}. */
    double lr(long step);

    /** The same rate at every step. */
    static LrSchedule constant(double lr) {
        checkPeak(lr);
        return step -> lr;
    }

    /** Warmup for {@code warmupSteps}, then a straight line down to 0 at {@code totalSteps}. */
    static LrSchedule linear(double peak, long warmupSteps, long totalSteps) {
        check(peak, warmupSteps, totalSteps);
        return step -> step < warmupSteps
                ? peak * step / warmupSteps
                : peak * Math.max(0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }

    /** Warmup for {@code warmupSteps}, then half a cosine wave down to 0 at {@code totalSteps}. */
    static LrSchedule cosine(double peak, long warmupSteps, long totalSteps) {
        check(peak, warmupSteps, totalSteps);
        return step -> {
            if (step < warmupSteps) {
                return peak * step / warmupSteps;
            }
            double progress = Math.min(1, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
            return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    /** The shapes a {@link FineTuner} can build from its settings. */
    enum Kind {
        CONSTANT, LINEAR, COSINE;

        /** This kind of schedule for the given settings. */
        public LrSchedule create(double peak, long warmupSteps, long totalSteps) {
            return switch (this) {
                case CONSTANT -> constant(peak);
                case LINEAR -> linear(peak, warmupSteps, totalSteps);
                case COSINE -> cosine(peak, warmupSteps, totalSteps);
            };
        }
    }

    private static void check(double peak, long warmupSteps, long totalSteps) {
        checkPeak(peak);
        if (warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("Need 0 <= warmup steps <= total steps and total > 0, got warmup "
                    + warmupSteps + " of " + totalSteps);
        }
    }

    private static void checkPeak(double peak) {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("Learning rate must be a positive finite number, got " + peak);
        }
    }
}
