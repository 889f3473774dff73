package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class TrainingHistoryTest {

    private static TrainingHistory sample() {
        TrainingHistory history = new TrainingHistory();
        history.addStep(new TrainingHistory.Step(1, 0, 1.2, 1e-5));
        history.addStep(new TrainingHistory.Step(2, 0, 0.8, 2e-5));
        history.addEpoch(new TrainingHistory.Epoch(0, 2, 1.0, Map.of("loss", 0.9, "accuracy", 0.6)));
        history.addStep(new TrainingHistory.Step(3, 1, 0.5, 1e-5, 2.5));
        history.addEpoch(new TrainingHistory.Epoch(1, 3, 0.5, Map.of("loss", 0.7, "accuracy", 0.75)));
        return history;
    }

    @Test
    void tablesHaveOneRowPerEpochAndPerStep() {
        Table epochs = sample().table();
        assertEquals(2, epochs.rowCount());
        assertEquals(0.75, epochs.doubleColumn("val_accuracy").get(1), 0);
        assertEquals(2, epochs.intColumn("epoch").get(1));
        Table steps = sample().stepTable();
        assertEquals(3, steps.rowCount());
        assertEquals(2e-5, steps.doubleColumn("lr").get(1), 0);
        assertEquals(2.5, steps.doubleColumn("grad_norm").get(2), 0);
        assertTrue(steps.doubleColumn("grad_norm").isMissing(0), "not recorded");
    }

    @Test
    void chartShowsLossMetricsAndLearningRate() {
        XYChart chart = sample().chart();
        assertTrue(chart.getSeriesMap().keySet().containsAll(
                java.util.List.of("train loss", "val loss", "val accuracy", "learning rate")));
        assertEquals(1, chart.getSeriesMap().get("learning rate").getYAxisGroup());
    }

    @Test
    void rendersAsPngHtmlAndText() {
        Map<String, String> bundle = sample().mimeBundle();
        assertTrue(bundle.get("image/png").startsWith("iVBOR"), "base64 PNG");
        assertTrue(bundle.get("text/html").contains("val_accuracy"));
        assertTrue(bundle.get("text/plain").startsWith("3 steps, 2 epochs"));
        assertThrows(IllegalStateException.class, () -> new TrainingHistory().lastEpoch());
        assertTrue(new TrainingHistory().mimeBundle().containsKey("image/png"));
    }
}
