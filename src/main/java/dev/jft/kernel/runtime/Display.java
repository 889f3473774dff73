package dev.jft.kernel.runtime;

import dev.jft.kernel.DisplayDataRenderer;
import dev.jft.kernel.JupyterDisplaySink;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * IJava's display functions, statically imported into every cell.
 *
 * <pre>{@code
 * String id = display("<b>training…</b>", "text/html");
 * updateDisplay(id, "<b>done</b>", "text/html");
 * display(chart);                      // image/png
 * DisplayData data = render(table);    // text/html, not shown yet
 * }</pre>
 */
public final class Display {

    private static volatile JupyterDisplaySink sink;

    private Display() {}

    /** Connects these functions to the notebook (the kernel calls this at start). */
    public static void install(JupyterDisplaySink newSink) {
        sink = newSink;
    }

    /** Shows {@code o} now (as {@code mimeTypes} if given) and returns an id for {@link #updateDisplay}. */
    public static String display(Object o, String... mimeTypes) {
        return requireSink().display(o, mimeTypes);
    }

    /** The display data for {@code o} (as {@code mimeTypes} if given), e.g. to return from a cell. */
    public static DisplayData render(Object o, String... mimeTypes) {
        return DisplayDataRenderer.render(o, mimeTypes);
    }

    /** Replaces what display {@code id} shows with {@code o}. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        requireSink().update(id, o, mimeTypes);
    }

    private static JupyterDisplaySink requireSink() {
        JupyterDisplaySink current = sink;
        if (current == null) {
            throw new IllegalStateException("display(...) only works inside the course kernel");
        }
        return current;
    }
}
