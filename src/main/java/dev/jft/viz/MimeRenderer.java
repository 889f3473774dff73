package dev.jft.viz;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Turns values into Jupyter MIME bundles: charts and images become {@code image/png}, tables
 * become {@code text/html}, {@link RichOutput} supplies its own; everything gets {@code text/plain}.
 *
 * <pre>{@code
 * Map<String, String> bundle = MimeRenderer.render(chart); // {"text/plain": ..., "image/png": base64}
 * }</pre>
 */
public final class MimeRenderer {

    /** Rows shown before an HTML table is cut (the rest is summarised). */
    static final int MAX_HTML_ROWS = 50;

    private MimeRenderer() {}

    /** The MIME bundle for {@code value}; never empty, always with {@code text/plain}. */
    public static Map<String, String> render(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof RichOutput rich) {
            bundle.putAll(rich.mimeBundle());
        } else if (value instanceof Chart<?, ?> chart) {
            bundle.put("image/png", png(BitmapEncoder.getBufferedImage(chart)));
            bundle.put("text/plain", chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"");
        } else if (value instanceof RenderedImage image) {
            bundle.put("image/png", png(image));
            bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        } else if (value instanceof Table table) {
            bundle.put("text/html", Html.table(table, MAX_HTML_ROWS));
            bundle.put("text/plain", table.printAll());
        }
        bundle.putIfAbsent("text/plain", String.valueOf(value));
        return bundle;
    }

    /** Base64 PNG of an image. */
    public static String png(RenderedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode image as PNG", e);
        }
    }

    /** The chart drawn as an image, which any Jupyter Java kernel (IJava too) shows inline. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
