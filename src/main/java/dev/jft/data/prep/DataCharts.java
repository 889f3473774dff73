package dev.jft.data.prep;

import dev.jft.viz.IJavaDisplay;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * XChart charts of a data set: label balance and length histograms. The notebook kernel renders
 * them as images.
 *
 * <pre>{@code
 * CategoryChart balance = DataCharts.labelBalance(sentences, Sentence::label);
 * CategoryChart words = DataCharts.lengthHistogram(sentences, Sentence::text, DataStats::words, 30);
 * CategoryChart tokens = DataCharts.lengthHistogram(sentences, Sentence::text,
 *         t -> tokenizer.encode(t).getIds().length, 30);   // token lengths, once a tokenizer is chosen
 * }</pre>
 */
public final class DataCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private DataCharts() {
    }

    /** Bar chart: number of records per label. */
    public static <T> CategoryChart labelBalance(List<T> records, Function<T, String> label) {
        Map<String, Integer> counts = DataStats.countByLabel(records, label);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Label balance (" + records.size() + " records)").xAxisTitle("label").yAxisTitle("records").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("records", new ArrayList<>(counts.keySet()), new ArrayList<>(counts.values()));
        return chart;
    }

    /**
     * Histogram of text lengths.
     *
     * @param length text to its length: {@link DataStats#words}, {@code String::length}, or a
     *               tokenizer's token count
     * @param bins   number of bins
     */
    public static <T> CategoryChart lengthHistogram(List<T> records, Function<T, String> text,
                                                    ToIntFunction<String> length, int bins) {
        List<Integer> lengths = records.stream().map(r -> length.applyAsInt(text.apply(r))).toList();
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("No records to draw a length histogram of");
        }
        Histogram histogram = new Histogram(lengths, bins);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Length histogram (" + records.size() + " records)").xAxisTitle("length").yAxisTitle("records")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("#0");
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("lengths", histogram.getxAxisData(), histogram.getyAxisData());
        return chart;
    }
}
