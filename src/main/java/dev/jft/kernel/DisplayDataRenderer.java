package dev.jft.kernel;

import dev.jft.viz.MimeRenderer;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Builds the Jupyter display data for a value, through {@link MimeRenderer} (charts and images as
 * PNG, tables as HTML, {@code RichOutput} bundles). {@code text/plain} is always present.
 *
 * <pre>{@code
 * DisplayData all = DisplayDataRenderer.render(chart);                 // image/png + text/plain
 * DisplayData html = DisplayDataRenderer.render("<b>x</b>", "text/html"); // the text as HTML
 * }</pre>
 */
public final class DisplayDataRenderer {

    private DisplayDataRenderer() {}

    /**
     * The display data for {@code value}. With {@code mimeTypes}, text is put under exactly those
     * types, and other values keep only those types (plus {@code text/plain}).
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData ready) {
            return ready;
        }
        DisplayData data = new DisplayData();
        if (mimeTypes.length > 0 && value instanceof CharSequence text) {
            for (String mime : mimeTypes) {
                data.putData(mime, text.toString());
            }
            if (!contains(mimeTypes, "text/plain")) {
                data.putText(text.toString());
            }
            return data;
        }
        Map<String, String> bundle = MimeRenderer.render(value);
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            if (mimeTypes.length == 0 || entry.getKey().equals("text/plain") || contains(mimeTypes, entry.getKey())) {
                data.putData(entry.getKey(), entry.getValue());
            }
        }
        return data;
    }

    private static boolean contains(String[] values, String wanted) {
        for (String value : values) {
            if (value.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
