package dev.jft.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Small HTML helpers for notebook output.
 *
 * <pre>{@code
 * String html = Html.table(table, 20);
 * }</pre>
 */
public final class Html {

    private Html() {}

    /** Escapes text for use inside HTML elements and attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An HTML table with the table's name as caption, cut after {@code maxRows} rows. */
    public static String table(Table table, int maxRows) {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int shown = Math.min(maxRows, table.rowCount());
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (shown < table.rowCount()) {
            html.append("<p>").append(table.rowCount() - shown).append(" more rows of ")
                .append(table.rowCount()).append("</p>");
        }
        return html.toString();
    }
}
