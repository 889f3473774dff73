package dev.jft.train;

import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of a running training loop, shown as an HTML progress bar in a notebook and as one
 * line of text elsewhere.
 *
 * <pre>{@code
 * new TrainingProgress(12, 100, 0, 3, 0.693, 2e-5, 45.3, 83).toString();
 * // step 12/100 | epoch 1/3 | loss 0.6930 | lr 2.00e-05 | 45.3 ex/s | ETA 1:23
 * }</pre>
 *
 * @param epoch 0-based; shown 1-based
 * @param etaSeconds estimated seconds left, negative when unknown
 */
public record TrainingProgress(long step, long totalSteps, int epoch, int epochs, double loss, double lr,
        double examplesPerSecond, double etaSeconds) implements RichOutput {

    /** Fraction done, 0 to 1. */
    public double fraction() {
        return totalSteps <= 0 ? 0 : Math.min(1, (double) step / totalSteps);
    }

    @Override
    public Map<String, String> mimeBundle() {
        String html = "<div style=\"font-family:monospace\"><progress value=\"" + step + "\" max=\"" + totalSteps
                + "\" style=\"width:300px\"></progress> " + Html.escape(toString()) + "</div>";
        return Map.of("text/plain", toString(), "text/html", html);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "step %d/%d | epoch %d/%d | loss %.4f | lr %.2e | %.1f ex/s | ETA %s",
                step, totalSteps, epoch + 1, epochs, loss, lr, examplesPerSecond, eta());
    }

    private String eta() {
        if (etaSeconds < 0 || !Double.isFinite(etaSeconds)) {
            return "?";
        }
        long seconds = Math.round(etaSeconds);
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
