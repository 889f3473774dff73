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
 * A learner's scores per lesson, as a Tablesaw table and an XChart bar chart of percentages. Each
 * item counts with its best attempt ({@link Scores#best}); the percentage is over the points of ALL
 * the lesson's items, attempted or not, so one right answer out of eight items is not 100 %.
 *
 * <pre>{@code
 * ProgressReport report = ProgressReport.of(Scores.best(gradebook.read()), "ada",
 *         Map.of("00-welcome", new ProgressReport.Lesson(8, 15)));
 * report.table().print();
 * }</pre>
 */
public final class ProgressReport implements RichOutput {

    /** What a lesson's bank holds: its number of items (questions and exercises) and their points. */
    public record Lesson(int items, double points) {}

    private final String learner;
    private final Table table;

    private ProgressReport(String learner, Table table) {
        this.learner = learner;
        this.table = table;
    }

    /**
     * The report for {@code learner}. {@code lessons} gives each lesson's items and points; a lesson
     * only in the gradebook (a bank since removed) counts the points of its attempts.
     */
    public static ProgressReport of(Scores scores, String learner, Map<String, Lesson> lessons) {
        Map<String, Scores.Total> totals = scores.byLesson(learner);
        List<String> names = new ArrayList<>(lessons.keySet());
        totals.keySet().stream().filter(lesson -> !lessons.containsKey(lesson)).forEach(names::add);
        StringColumn lesson = StringColumn.create("lesson");
        IntColumn attempted = IntColumn.create("attempted");
        IntColumn items = IntColumn.create("items");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn percent = DoubleColumn.create("percent");
        for (String name : names.stream().sorted().toList()) {
            Scores.Total total = totals.getOrDefault(name, new Scores.Total(0, 0));
            int attemptedItems = (int) scores.attempts(learner).values().stream()
                    .filter(entry -> name.equals(entry.lesson())).count();
            Lesson bank = lessons.getOrDefault(name, new Lesson(attemptedItems, total.max()));
            double possible = Math.max(bank.points(), total.max());
            lesson.append(name);
            attempted.append(attemptedItems);
            items.append(Math.max(bank.items(), attemptedItems));
            score.append(total.score());
            max.append(possible);
            percent.append(possible == 0 ? 0 : Math.round(1000 * total.score() / possible) / 10.0);
        }
        Table table = Table.create("Progress of " + learner, lesson, attempted, items, score, max, percent);
        return new ProgressReport(learner, table);
    }

    public Table table() {
        return table;
    }

    /** Percent of each lesson's points earned (best attempt per item). */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(320)
                .title("Progress of " + learner).xAxisTitle("lesson").yAxisTitle("% of the lesson's points").build();
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
