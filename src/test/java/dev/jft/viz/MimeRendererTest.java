package dev.jft.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MimeRendererTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void chartsAndImagesBecomePng() {
        XYChart chart = new XYChart(200, 100);
        chart.setTitle("loss");
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3});
        assertPng(MimeRenderer.render(chart).get("image/png"));
        assertEquals("XYChart \"loss\"", MimeRenderer.render(chart).get("text/plain"));
        assertPng(MimeRenderer.render(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB)).get("image/png"));
    }

    @Test
    void tablesBecomeEscapedHtml() {
        Table table = Table.create("reviews", StringColumn.create("text", "good <b>", "bad"), IntColumn.create("label", 1, 0));
        Map<String, String> bundle = MimeRenderer.render(table);
        assertTrue(bundle.get("text/html").contains("<td>good &lt;b&gt;</td>"), bundle.get("text/html"));
        assertTrue(bundle.get("text/plain").contains("reviews"));
    }

    @Test
    void richOutputAndPlainObjects() {
        RichOutput rich = () -> Map.of("text/html", "<i>hi</i>", "text/plain", "hi");
        assertEquals("<i>hi</i>", MimeRenderer.render(rich).get("text/html"));
        assertEquals(Map.of("text/plain", "42"), MimeRenderer.render(42));
        assertEquals(Map.of("text/plain", "null"), MimeRenderer.render(null));
    }

    @Test
    void registeredRendererWinsForItsType() {
        MimeRenderer.register(Duration.class, d -> Map.of("text/html", "<b>" + d.toSeconds() + " s</b>"));
        Map<String, String> bundle = MimeRenderer.render(Duration.ofSeconds(3));
        assertEquals("<b>3 s</b>", bundle.get("text/html"));
        assertEquals("PT3S", bundle.get("text/plain"), "text/plain is added when the renderer gives none");
    }

    private static void assertPng(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            assertEquals(PNG_SIGNATURE[i], bytes[i]);
        }
    }
}
