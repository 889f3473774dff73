package dev.jft.quiz.exercises.evaluation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise evaluation-class-metrics: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ClassMetricsTest {

    static final double TOLERANCE = 1e-9;
    static final String[] COLUMNS = {"precision", "recall", "F1"};

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("two classes: precision, recall and F1 of each")
    void twoClasses() {
        // true 0: 8 right, 2 predicted as 1; true 1: 4 predicted as 0, 6 right
        int[][] counts = {{8, 2}, {4, 6}};
        double p0 = 8.0 / 12;
        double r0 = 8.0 / 10;
        double p1 = 6.0 / 8;
        double r1 = 6.0 / 10;
        assertRow(0, new double[] {p0, r0, f1(p0, r0)}, counts);
        assertRow(1, new double[] {p1, r1, f1(p1, r1)}, counts);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("the last row is the macro average")
    void macroAverage() {
        int[][] counts = {{8, 2}, {4, 6}};
        double f0 = f1(8.0 / 12, 8.0 / 10);
        double f1 = f1(6.0 / 8, 6.0 / 10);
        assertRow(2, new double[] {(8.0 / 12 + 6.0 / 8) / 2, (8.0 / 10 + 6.0 / 10) / 2, (f0 + f1) / 2}, counts);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("a class that is never predicted has precision 0")
    void neverPredicted() {
        // class 2 occurs 3 times but is never predicted: precision 0/0, defined as 0; recall 0/3 = 0
        int[][] counts = {{5, 0, 0}, {1, 4, 0}, {2, 1, 0}};
        assertRow(2, new double[] {0, 0, 0}, counts);
        assertRow(0, new double[] {5.0 / 8, 1, f1(5.0 / 8, 1)}, counts);
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Runs the submission, failing with advice when it returns nothing usable. */
    static double[][] metrics(int[][] counts) {
        Function<int[][], double[][]> classMetrics = Submission.get(Function.class);
        double[][] rows = classMetrics.apply(counts);
        assertNotNull(rows, "classMetrics returned null: return one row per class plus a macro row");
        if (rows.length != counts.length + 1) {
            fail(counts.length + " classes should give " + (counts.length + 1) + " rows (one per class, then the macro"
                    + " average), got " + rows.length);
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != 3) {
                fail("row " + r + " should hold 3 numbers (precision, recall, F1), got "
                        + (rows[r] == null ? "null" : Arrays.toString(rows[r])));
            }
        }
        return rows;
    }

    /** Checks one row against {@code expected}, explaining the usual mistakes. */
    static void assertRow(int row, double[] expected, int[][] counts) {
        double[] actual = metrics(counts)[row];
        String what = row == counts.length ? "the macro row" : "class " + row;
        for (int k = 0; k < 3; k++) {
            if (Double.isNaN(actual[k])) {
                fail(what + ": " + COLUMNS[k] + " is NaN for " + Arrays.deepToString(counts)
                        + ": a 0/0 (a class never predicted, or never present) must be defined: define 0/0 as 0,"
                        + " and F1 as 0 when precision + recall is 0");
            }
            if (Math.abs(actual[k] - expected[k]) > TOLERANCE) {
                fail(what + ": " + COLUMNS[k] + " should be " + expected[k] + " but was " + actual[k] + " for "
                        + Arrays.deepToString(counts) + hint(row == counts.length, k));
            }
        }
    }

    private static String hint(boolean macro, int column) {
        if (macro) {
            return column == 2
                    ? ": macro F1 is the mean of the per-class F1 scores, not the F1 of the macro precision and recall"
                    : ": the macro average is the plain mean over classes, each class counting once";
        }
        return switch (column) {
            case 0 -> ": precision of class c is counts[c][c] divided by the column sum (everything predicted as c)";
            case 1 -> ": recall of class c is counts[c][c] divided by the row sum (every example that really is c)";
            default -> ": F1 is 2 * precision * recall / (precision + recall)";
        };
    }
}
