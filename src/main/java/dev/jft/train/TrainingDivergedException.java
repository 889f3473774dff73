package dev.jft.train;

/**
 * Thrown when the training loss becomes NaN or infinite. The model weights are left as they were
 * before the bad step, and the last checkpoint (if any) is the last good epoch.
 *
 * <pre>{@code
 * try {
 *     tuner.fit();
 * } catch (TrainingDivergedException e) {
 *     System.out.println(e.getMessage()); // step, epoch, where the last good checkpoint is, what to try
 * }
 * }</pre>
 */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
