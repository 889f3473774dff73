package dev.jft.quiz.progress;

import dev.jft.viz.Html;
import dev.jft.viz.MimeRenderer;
import dev.jft.viz.RichOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A learner's scores per lesson, as a Tablesaw table and an XChart bar chart of percentages.
 * Only attempted items count; {@code attempted} shows how many of the lesson's items that is.
 *
 * <pre>{@code
 * ProgressReport report = ProgressReport.of(Scores.of(gradebook.read()), "ada", Map.of("00-welcome", 8));
 * report.table().print();
 * }</pre>
 */
public final class ProgressReport implements RichOutput {

    private final String learner;
    private final Table table;

    private ProgressReport(String learner, Table table) {
        this.learner = learner;
        this.table = table;
    }

    /** The report for {@code learner}; {@code itemsPerLesson} gives each lesson's number of items. */
    public static ProgressReport of(Scores scores, String learner, Map<String, Integer> itemsPerLesson) {
        Map<String, Scores.Total> totals = scores.byLesson(learner);
        List<String> lessons = new ArrayList<>(itemsPerLesson.keySet());
        totals.keySet().stream().filter(lesson -> !itemsPerLesson.containsKey(lesson)).forEach(lessons::add);
        StringColumn lesson = StringColumn.create("lesson");
        IntColumn attempted = IntColumn.create("attempted");
        IntColumn items = IntColumn.create("items");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn percent = DoubleColumn.create("percent");
        for (String name : lessons.stream().sorted().toList()) {
            Scores.Total total = totals.getOrDefault(name, new Scores.Total(0, 0));
            lesson.append(name);
            attempted.append((int) scores.attempts(learner).values().stream()
                    .filter(entry -> name.equals(entry.lesson())).count());
            items.append(itemsPerLesson.getOrDefault(name, 0));
            score.append(total.score());
            max.append(total.max());
            percent.append(Math.round(total.percent() * 10) / 10.0);
        }
        Table table = Table.create("Progress of " + learner, lesson, attempted, items, score, max, percent);
        return new ProgressReport(learner, table);
    }

    public Table table() {
        return table;
    }

    /** Percent of the attempted points earned, per lesson. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(320)
                .title("Progress of " + learner).xAxisTitle("lesson").yAxisTitle("% of attempted points").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        if (table.rowCount() > 0) {
            chart.addSeries("percent", table.stringColumn("lesson").asList(), table.doubleColumn("percent").asList());
        }
        return chart;
    }

    @Override
    public Map<String, String> mimeBundle() {
        if (table.rowCount() == 0) {
            return Map.of("text/plain", toString());
        }
        String html = Html.table(table, 100) + "<img src=\"data:image/png;base64,"
                + MimeRenderer.png(MimeRenderer.image(chart())) + "\"/>";
        return Map.of("text/html", html, "text/plain", toString());
    }

    @Override
    public String toString() {
        return table.rowCount() == 0 ? "No attempts yet for " + learner + ": answer a question with Quiz.answer(...)"
                : table.printAll();
    }
}
