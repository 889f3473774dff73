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
 * sheet.writeChart(Path.of("grades.png"));
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

    /** A bar chart of each learner's percentage. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(480, 60 * runs.size())).height(360)
                .title("Class results").xAxisTitle("learner").yAxisTitle("% of points").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        if (!runs.isEmpty()) {
            chart.addSeries("percent", runs.stream().map(SubmissionRun::learner).toList(),
                    runs.stream().map(GradeSheet::percent).toList());
        }
        return chart;
    }

    public void writeChart(Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A percentage to one decimal, without a trailing ".0". */
    private static String oneDecimal(double value) {
        double rounded = Math.round(10 * value) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
