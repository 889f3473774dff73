package dev.jft.train.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table of measured figures: measure, value, target (may be empty). Prints readably in
 * a terminal and pastes straight into a README.
 *
 * <pre>{@code
 * ResultTable table = new ResultTable("MiniLM, batch 16");
 * table.add("train examples/s, FIXED", "31.2", "");
 * System.out.println(table);
 * }</pre>
 */
public final class ResultTable {

    private static final String[] HEADER = {"measure", "value", "target"};

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    public ResultTable(String title) {
        this.title = title;
    }

    /** Adds a row. */
    public ResultTable add(String measure, String value, String target) {
        rows.add(new String[] {measure, value, target});
        return this;
    }

    /** The measures, in order. */
    public List<String> measures() {
        return rows.stream().map(row -> row[0]).toList();
    }

    @Override
    public String toString() {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        line(out, HEADER, widths);
        String[] rule = new String[HEADER.length];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            out.append(' ').append(String.format("%-" + widths[c] + "s", cells[c])).append(" |");
        }
        out.append('\n');
    }
}
