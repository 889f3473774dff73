package dev.jft.train;

import dev.jft.viz.Html;
import dev.jft.viz.IJavaDisplay;
import dev.jft.viz.MimeRenderer;
import dev.jft.viz.RichOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * What happened during training: loss and learning rate of every optimizer step, and the
 * validation metrics after every epoch. Shows itself in a notebook as a chart plus a table.
 *
 * <pre>{@code
 * TrainingHistory history = tuner.fit();
 * history.table();        // one row per epoch
 * history.chart();        // train loss, validation metrics and learning rate against step
 * history.lastEpoch().validation().get("accuracy");
 * }</pre>
 */
public final class TrainingHistory implements RichOutput {

    /**
     * One optimizer step: its mean training loss, the learning rate it used and the global L2 norm
     * of its mean gradient before clipping ({@code NaN} where not recorded).
     */
    public record Step(long step, int epoch, double loss, double lr, double gradNorm) {

        /** A step whose gradient norm was not recorded. */
        public Step(long step, int epoch, double loss, double lr) {
            this(step, epoch, loss, lr, Double.NaN);
        }
    }

    /** One finished epoch: mean training loss and validation metrics (empty without validation data). */
    public record Epoch(int epoch, long step, double trainLoss, Map<String, Double> validation) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<Epoch> epochs = new ArrayList<>();

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    /** Records a step. */
    public void addStep(Step step) {
        steps.add(step);
    }

    /** Records an epoch. */
    public void addEpoch(Epoch epoch) {
        epochs.add(new Epoch(epoch.epoch(), epoch.step(), epoch.trainLoss(), Map.copyOf(epoch.validation())));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    /** The latest epoch; fails when no epoch has finished. */
    public Epoch lastEpoch() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("No epoch has finished yet.");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** One row per epoch: epoch, step, train_loss, then one column per validation metric. */
    public Table table() {
        Table table = Table.create("training history", IntColumn.create("epoch"), LongColumn.create("step"),
                DoubleColumn.create("train_loss"));
        Set<String> metrics = metricNames();
        for (String metric : metrics) {
            table.addColumns(DoubleColumn.create("val_" + metric));
        }
        for (Epoch epoch : epochs) {
            table.intColumn("epoch").append(epoch.epoch() + 1);
            table.longColumn("step").append(epoch.step());
            table.doubleColumn("train_loss").append(epoch.trainLoss());
            for (String metric : metrics) {
                table.doubleColumn("val_" + metric).append(epoch.validation().getOrDefault(metric, Double.NaN));
            }
        }
        return table;
    }

    /** One row per optimizer step: step, epoch, loss, lr, grad_norm (before clipping). */
    public Table stepTable() {
        Table table = Table.create("training steps", LongColumn.create("step"), IntColumn.create("epoch"),
                DoubleColumn.create("loss"), DoubleColumn.create("lr"), DoubleColumn.create("grad_norm"));
        for (Step step : steps) {
            table.longColumn("step").append(step.step());
            table.intColumn("epoch").append(step.epoch() + 1);
            table.doubleColumn("loss").append(step.loss());
            table.doubleColumn("lr").append(step.lr());
            table.doubleColumn("grad_norm").append(step.gradNorm());
        }
        return table;
    }

    /**
     * Training loss per step, each validation metric per epoch (plotted at the epoch's last step)
     * on the left axis, and the learning rate on the right axis.
     */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(720).height(400).title("Training history")
                .xAxisTitle("optimizer step").yAxisTitle("loss / metric").build();
        chart.getStyler().setMarkerSize(4);
        if (steps.isEmpty()) {
            chart.addSeries("train loss", new double[] {0}, new double[] {0});
            return chart;
        }
        chart.addSeries("train loss", column(steps, s -> (double) s.step()), column(steps, Step::loss))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (String metric : metricNames()) {
            List<Epoch> withMetric = epochs.stream().filter(e -> e.validation().containsKey(metric)).toList();
            chart.addSeries("val " + metric, column(withMetric, e -> (double) e.step()),
                    column(withMetric, e -> e.validation().get(metric)));
        }
        XYSeries lr = chart.addSeries("learning rate", column(steps, s -> (double) s.step()), column(steps, Step::lr));
        lr.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "learning rate");
        return chart;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", Html.table(table(), 200));
        bundle.put("image/png", MimeRenderer.png(MimeRenderer.image(chart())));
        return bundle;
    }

    @Override
    public String toString() {
        return steps.size() + " steps, " + epochs.size() + " epochs\n" + table().printAll();
    }

    private Set<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        epochs.forEach(e -> names.addAll(new TreeSet<>(e.validation().keySet())));
        return names;
    }

    private static <T> double[] column(List<T> rows, ToDoubleFunction<T> value) {
        return rows.stream().mapToDouble(value).toArray();
    }
}
