package dev.jft.eval;

import dev.jft.viz.Html;
import dev.jft.viz.MimeRenderer;
import dev.jft.viz.RichOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts of (true class, predicted class) pairs, and the classification metrics that follow from
 * them: accuracy, per-class precision/recall/F1, and their macro, micro and weighted averages.
 *
 * <p>A class that is never predicted has precision 0 (and a class that never occurs, recall 0),
 * as scikit-learn reports with {@code zero_division=0}.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);
 * cm.accuracy();   // 0.667
 * cm.f1(1);        // 0.667
 * cm.macroF1();    // 0.667
 * cm.table();      // counts as a Tablesaw table; cm.chart() as a heatmap
 * }</pre>
 */
public final class ConfusionMatrix implements RichOutput {

    private final long[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(long[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /** The matrix of {@code truth} against {@code predicted}, classes numbered 0 to numClasses - 1. */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int numClasses) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            names.add(String.valueOf(c));
        }
        return of(truth, predicted, names);
    }

    /** As {@link #of(int[], int[], int)} with a name for each class (for tables and charts). */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classNames) {
        Checks.sameLength(truth.length, predicted.length, "True and predicted labels");
        Checks.nonEmpty(truth.length, "The label list");
        int numClasses = classNames.size();
        if (numClasses < 1) {
            throw new IllegalArgumentException("Need at least one class.");
        }
        long[][] counts = new long[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            Checks.labelInRange(truth[i], numClasses, "True label");
            Checks.labelInRange(predicted[i], numClasses, "Predicted label");
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, List.copyOf(classNames));
    }

    /** Number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** Examples of true class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Number of examples. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /** Fraction of examples predicted correctly. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < numClasses(); c++) {
            correct += counts[c][c];
        }
        return (double) correct / total();
    }

    /** Examples of class {@code c} (row sum). */
    public long support(int c) {
        long support = 0;
        for (long count : counts[c]) {
            support += count;
        }
        return support;
    }

    /** Examples predicted as class {@code c} (column sum). */
    public long predictedCount(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted;
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}. */
    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    /** Harmonic mean of precision and recall of class {@code c}. */
    public double f1(int c) {
        return f1(precision(c), recall(c));
    }

    /** Unweighted mean over classes of per-class precision. */
    public double macroPrecision() {
        return macro(this::precision);
    }

    /** Unweighted mean over classes of per-class recall. */
    public double macroRecall() {
        return macro(this::recall);
    }

    /** Unweighted mean over classes of per-class F1. */
    public double macroF1() {
        return macro(this::f1);
    }

    /** F1 of the pooled counts; for single-label classification it equals accuracy. */
    public double microF1() {
        return accuracy();
    }

    /** Mean of per-class F1 weighted by each class's support. */
    public double weightedF1() {
        double sum = 0;
        for (int c = 0; c < numClasses(); c++) {
            sum += f1(c) * support(c);
        }
        return sum / total();
    }

    /** Per-class precision, recall, F1 and support as a table. */
    public Table report() {
        Table table = Table.create("classification report", StringColumn.create("class"));
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        DoubleColumn f1 = DoubleColumn.create("f1");
        IntColumn support = IntColumn.create("support");
        for (int c = 0; c < numClasses(); c++) {
            table.stringColumn("class").append(classNames.get(c));
            precision.append(precision(c));
            recall.append(recall(c));
            f1.append(f1(c));
            support.append((int) support(c));
        }
        return table.addColumns(precision, recall, f1, support);
    }

    /** The counts as a table: one row per true class, one column per predicted class. */
    public Table table() {
        Table table = Table.create("confusion matrix (rows: true, columns: predicted)",
                StringColumn.create("true \\ predicted", classNames));
        for (int p = 0; p < numClasses(); p++) {
            IntColumn column = IntColumn.create(classNames.get(p));
            for (int t = 0; t < numClasses(); t++) {
                column.append((int) counts[t][p]);
            }
            table.addColumns(column);
        }
        return table;
    }

    /** Accuracy and the three F1 averages by name. */
    public Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("accuracy", accuracy());
        summary.put("f1_macro", macroF1());
        summary.put("f1_micro", microF1());
        summary.put("f1_weighted", weightedF1());
        return summary;
    }

    /** A heatmap of the counts: true class on the y axis, predicted class on the x axis. */
    public HeatMapChart chart() {
        HeatMapChart chart = new HeatMapChartBuilder().width(480).height(420).title("Confusion matrix")
                .xAxisTitle("predicted").yAxisTitle("true").build();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < numClasses(); t++) {
            for (int p = 0; p < numClasses(); p++) {
                cells.add(new Number[] {p, t, counts[t][p]});
            }
        }
        chart.getStyler().setShowValue(true);
        chart.addSeries("counts", classNames, classNames, cells);
        return chart;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", Html.table(table(), 100));
        bundle.put("image/png", MimeRenderer.png(MimeRenderer.image(chart())));
        return bundle;
    }

    @Override
    public String toString() {
        return table().printAll();
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private double macro(IntToDoubleFunction perClass) {
        double sum = 0;
        for (int c = 0; c < numClasses(); c++) {
            sum += perClass.applyAsDouble(c);
        }
        return sum / numClasses();
    }
}
