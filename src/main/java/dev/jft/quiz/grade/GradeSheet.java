package dev.jft.quiz.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The class gradebook: one row per learner, one column per item of the lesson's bank headed with
 * the bank's maximum, then totals, and a column of reasons for every lost point and every note.
 *
 * <pre>{@code
 * GradeSheet sheet = GradeSheet.of(runs);
 * sheet.writeCsv(Path.of("grades.csv"));
 * sheet.writeChart(Path.of("grades.png")); // and grades-items.png
 * }</pre>
 */
public final class GradeSheet {

    private final List<SubmissionRun> runs;

    private GradeSheet(List<SubmissionRun> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The sheet of {@code runs}, which all grade the same bank (see {@link SubmissionGrader}). */
    public static GradeSheet of(List<SubmissionRun> runs) {
        return new GradeSheet(runs);
    }

    /** The learner's points over all items. */
    public double total(String learner) {
        return runs.stream().filter(run -> run.learner().equals(learner)).mapToDouble(SubmissionRun::total).sum();
    }

    /** The sheet as CSV rows, header first. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("learner", "status"));
        if (!runs.isEmpty()) {
            runs.get(0).grades().forEach(grade -> header.add(grade.item() + " (/" + number(grade.max()) + ")"));
        }
        header.addAll(List.of("total", "max", "percent", "reasons"));
        rows.add(header);
        for (SubmissionRun run : runs) {
            List<String> row = new ArrayList<>(List.of(run.learner(), run.status()));
            List<String> reasons = new ArrayList<>();
            for (ItemGrade grade : run.grades()) {
                row.add(number(grade.score()));
                if (!grade.reason().isEmpty()) {
                    reasons.add(grade.item() + ": " + grade.reason());
                }
            }
            reasons.addAll(run.notes());
            row.add(number(run.total()));
            row.add(number(run.maxTotal()));
            row.add(oneDecimal(percent(run)));
            row.add(String.join(" | ", reasons));
            rows.add(row);
        }
        return rows;
    }

    private static double percent(SubmissionRun run) {
        return run.maxTotal() == 0 ? 0 : 100 * run.total() / run.maxTotal();
    }

    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows()) {
            csv.append(String.join(",", row.stream().map(GradeSheet::csvField).toList())).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * A bar chart of each learner's percentage, each bar labelled with its value, titled with the
     * class's mean and median.
     */
    public CategoryChart chart() {
        List<Double> percents = runs.stream().map(GradeSheet::percent).toList();
        String title = runs.isEmpty() ? "Class results: no submissions"
                : "Class results: mean " + oneDecimal(mean(percents)) + " %, median " + oneDecimal(median(percents))
                + " %, " + runs.size() + (runs.size() == 1 ? " learner" : " learners");
        return labelledBars(title, "learner", runs.stream().map(SubmissionRun::learner).toList(), percents);
    }

    /**
     * A bar chart of the share of each item's points the class earned, each bar labelled: the items
     * the class found hard stand out.
     */
    public CategoryChart itemChart() {
        List<String> items = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        if (!runs.isEmpty()) {
            List<ItemGrade> first = runs.get(0).grades();
            for (int i = 0; i < first.size(); i++) {
                int item = i;
                double earned = runs.stream().mapToDouble(run -> run.grades().get(item).score()).sum();
                double possible = runs.size() * first.get(i).max();
                items.add(first.get(i).item());
                shares.add(possible == 0 ? 0 : 100 * earned / possible);
            }
        }
        return labelledBars("Items: % of their points earned by the class", "item", items, shares);
    }

    private static CategoryChart labelledBars(String title, String xAxis, List<String> names, List<Double> percents) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(560, 70 * names.size())).height(380)
                .title(title).xAxisTitle(xAxis).yAxisTitle("% of points").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.9); // inside the bar's top, so a 100 % bar's number stays on the chart
        chart.getStyler().setXAxisLabelRotation(names.size() > 8 ? 45 : 0);
        if (!names.isEmpty()) {
            List<Double> rounded = percents.stream().map(GradeSheet::tenths).toList();
            List<String> categories = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                // XChart draws no label on an empty bar, so a zero is said under it.
                categories.add(names.get(i) + (rounded.get(i) == 0 ? " (0 %)" : ""));
            }
            chart.addSeries("percent", categories, rounded);
        }
        return chart;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Writes {@link #chart()} to {@code png} and {@link #itemChart()} beside it ({@code grades-items.png}). */
    public void writeChart(Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(itemChart(), itemChartFile(png).toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Where {@link #writeChart} puts the item chart: {@code grades.png} -> {@code grades-items.png}. */
    public static Path itemChartFile(Path png) {
        return png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", "") + "-items.png");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code value} rounded to tenths, as the sheet shows percentages. */
    private static double tenths(double value) {
        return Math.round(10 * value) / 10.0;
    }

    /** A percentage to one decimal, without a trailing ".0". */
    private static String oneDecimal(double value) {
        double rounded = tenths(value);
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
