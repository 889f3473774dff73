package dev.jft.viz;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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

    /** Renderers added with {@link #register}, newest first. */
    private static final List<Registered<?>> REGISTERED = new CopyOnWriteArrayList<>();

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private MimeRenderer() {}

    /**
     * Teaches the kernel to show values of {@code type}: {@code renderer} returns their MIME bundle.
     * A later registration for a type wins over earlier ones and over the built-in renderers.
     *
     * <pre>{@code
     * MimeRenderer.register(Duration.class, d -> Map.of("text/html", "<b>" + d.toSeconds() + " s</b>"));
     * }</pre>
     */
    public static <T> void register(Class<T> type, Function<? super T, Map<String, String>> renderer) {
        REGISTERED.add(0, new Registered<>(type, renderer));
        IJavaDisplay.teach(type);
    }

    /** The MIME bundle for {@code value}; never empty, always with {@code text/plain}. */
    public static Map<String, String> render(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        Registered<?> registered = REGISTERED.stream().filter(r -> r.type().isInstance(value)).findFirst().orElse(null);
        if (registered != null) {
            bundle.putAll(registered.render(value));
        } else if (value instanceof RichOutput rich) {
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

    private record Registered<T>(Class<T> type, Function<? super T, Map<String, String>> renderer) {
        Map<String, String> render(Object value) {
            return renderer.apply(type.cast(value));
        }
    }

    /** The chart drawn as an image, which any Jupyter Java kernel (IJava too) shows inline. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
