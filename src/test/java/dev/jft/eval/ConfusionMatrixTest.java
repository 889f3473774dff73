package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ConfusionMatrixTest {

    // truth     0 0 1 1 1 2
    // predicted 0 1 1 1 1 0
    // counts: true 0 -> [1, 1, 0], true 1 -> [0, 3, 0], true 2 -> [1, 0, 0]
    // accuracy = 4/6
    // class 0: P = 1/2 (predicted twice), R = 1/2, F1 = 0.5
    // class 1: P = 3/4, R = 3/3 = 1, F1 = 2 * 0.75 / 1.75 = 0.857143
    // class 2: never predicted -> P = 0, R = 0/1 = 0, F1 = 0
    // macro F1 = (0.5 + 0.857143 + 0) / 3 = 0.452381; weighted = (0.5*2 + 0.857143*3 + 0*1) / 6 = 0.595238
    // macro P = (0.5 + 0.75 + 0) / 3 = 0.416667; macro R = (0.5 + 1 + 0) / 3 = 0.5; micro F1 = accuracy
    private static final int[] TRUTH = {0, 0, 1, 1, 1, 2};
    private static final int[] PREDICTED = {0, 1, 1, 1, 1, 0};

    private final ConfusionMatrix cm = ConfusionMatrix.of(TRUTH, PREDICTED, 3);

    @Test
    void countsAndAccuracy() {
        assertEquals(1, cm.count(0, 1));
        assertEquals(3, cm.count(1, 1));
        assertEquals(1, cm.count(2, 0));
        assertEquals(6, cm.total());
        assertEquals(4.0 / 6, cm.accuracy(), 1e-12);
    }

    @Test
    void perClassPrecisionRecallF1() {
        assertEquals(0.5, cm.precision(0), 1e-12);
        assertEquals(0.75, cm.precision(1), 1e-12);
        assertEquals(1.0, cm.recall(1), 1e-12);
        assertEquals(0.857143, cm.f1(1), 1e-6);
        assertEquals(0.0, cm.precision(2), 0);
        assertEquals(0.0, cm.f1(2), 0);
    }

    @Test
    void averages() {
        assertEquals(0.452381, cm.macroF1(), 1e-6);
        assertEquals(0.595238, cm.weightedF1(), 1e-6);
        assertEquals(0.416667, cm.macroPrecision(), 1e-6);
        assertEquals(0.5, cm.macroRecall(), 1e-12);
        assertEquals(4.0 / 6, cm.microF1(), 1e-12);
        assertEquals(cm.macroF1(), cm.summary().get("f1_macro"), 0);
    }

    @Test
    void tablesAndRendering() {
        ConfusionMatrix named = ConfusionMatrix.of(TRUTH, PREDICTED, List.of("neg", "neu", "pos"));
        Table table = named.table();
        assertEquals(3, table.rowCount());
        assertEquals(3, table.intColumn("neu").get(1));
        Table report = named.report();
        assertEquals(0.857143, report.doubleColumn("f1").get(1), 1e-6);
        assertEquals(3, report.intColumn("support").get(1));
        assertTrue(named.mimeBundle().get("text/html").contains("<table"));
        assertTrue(named.mimeBundle().get("image/png").startsWith("iVBOR"), "heatmap as base64 PNG");
        assertEquals("Confusion matrix", named.chart().getTitle());
    }

    @Test
    void clearErrorsForBadInput() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2));
        assertTrue(length.getMessage().contains("different lengths"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[0], new int[0], 2));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 2}, new int[] {0, 1}, 2));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
    }
}
