package dev.jft.kernel;

import dev.jft.viz.DisplaySink;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Publishes displays to the notebook: {@code display_data} with a fresh display id, and
 * {@code update_display_data} to redraw it in place (progress bars, live charts).
 *
 * <pre>{@code
 * Displays.install(sink);                 // library code now draws in the notebook
 * String id = sink.display("epoch 1/3");
 * sink.update(id, "epoch 2/3");
 * }</pre>
 */
public final class JupyterDisplaySink implements DisplaySink {

    private final CellContext context;
    private final Runnable flushStreams;

    /** @param flushStreams flushes stdout/stderr first, so text printed before a display stays above it */
    public JupyterDisplaySink(CellContext context, Runnable flushStreams) {
        this.context = context;
        this.flushStreams = flushStreams;
    }

    @Override
    public String display(Object value) {
        return display(value, new String[0]);
    }

    @Override
    public void update(String displayId, Object value) {
        update(displayId, value, new String[0]);
    }

    /** Shows {@code value} (as {@code mimeTypes} if given) and returns its display id. */
    public String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        DisplayData data = withId(DisplayDataRenderer.render(value, mimeTypes), id);
        flushStreams.run();
        context.publish(new PublishDisplayData(data));
        return id;
    }

    /** Redraws display {@code displayId} with {@code value}. */
    public void update(String displayId, Object value, String... mimeTypes) {
        DisplayData data = withId(DisplayDataRenderer.render(value, mimeTypes), displayId);
        flushStreams.run();
        context.publish(new PublishUpdateDisplayData(data));
    }

    private static DisplayData withId(DisplayData data, String id) {
        DisplayData copy = new DisplayData(data); // the caller's DisplayData may be shown again under another id
        copy.setDisplayId(id);
        return copy;
    }
}
