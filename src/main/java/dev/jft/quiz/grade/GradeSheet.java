package dev.jft.quiz.grade;

import dev.jft.quiz.progress.GradebookEntry;
import dev.jft.quiz.progress.Scores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The class gradebook: one row per learner, one column per question or exercise (the last
 * attempt's score; empty when not attempted, which counts as 0), then totals. An item's maximum
 * is the largest maximum any attempt recorded for it.
 *
 * <pre>{@code
 * GradeSheet sheet = GradeSheet.of(runs);
 * sheet.writeCsv(Path.of("grades.csv"));
 * sheet.writeChart(Path.of("grades.png"));
 * }</pre>
 */
public final class GradeSheet {

    private final List<SubmissionRun> runs;
    private final Scores scores;
    private final Map<String, Double> maxByItem = new LinkedHashMap<>();

    private GradeSheet(List<SubmissionRun> runs) {
        this.runs = List.copyOf(runs);
        List<GradebookEntry> all = new ArrayList<>();
        runs.forEach(run -> all.addAll(run.entries()));
        this.scores = Scores.of(all);
        for (String item : scores.items()) {
            maxByItem.put(item, 0.0);
        }
        for (GradebookEntry entry : all) {
            maxByItem.merge(entry.item(), entry.max(), Math::max);
        }
    }

    public static GradeSheet of(List<SubmissionRun> runs) {
        return new GradeSheet(runs);
    }

    /** The points possible over every item any learner attempted. */
    public double maxTotal() {
        return maxByItem.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The learner's points over all items (missing items count 0). */
    public double total(String learner) {
        return scores.total(learner).score();
    }

    /** The sheet as CSV rows, header first. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("learner", "status"));
        maxByItem.forEach((item, max) -> header.add(item + " (/" + number(max) + ")"));
        header.addAll(List.of("total", "max", "percent"));
        rows.add(header);
        for (SubmissionRun run : runs) {
            Map<String, GradebookEntry> attempts = scores.attempts(run.learner());
            List<String> row = new ArrayList<>(List.of(run.learner(), run.status()));
            for (String item : maxByItem.keySet()) {
                GradebookEntry attempt = attempts.get(item);
                row.add(attempt == null ? "" : number(attempt.score()));
            }
            double total = total(run.learner());
            row.add(number(total));
            row.add(number(maxTotal()));
            row.add(number(maxTotal() == 0 ? 0 : Math.round(1000 * total / maxTotal()) / 10.0));
            rows.add(row);
        }
        return rows;
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
            List<String> learners = runs.stream().map(SubmissionRun::learner).toList();
            List<Double> percents = learners.stream()
                    .map(learner -> maxTotal() == 0 ? 0.0 : 100 * total(learner) / maxTotal()).toList();
            chart.addSeries("percent", learners, percents);
        }
        return chart;
    }

    public void writeChart(Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
