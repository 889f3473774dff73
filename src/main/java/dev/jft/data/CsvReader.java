package dev.jft.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma separated, fields optionally in double quotes, {@code ""}
 * inside quotes for a quote, line breaks allowed inside quotes, LF or CRLF, UTF-8 (a leading BOM
 * is skipped). Malformed input is an error naming file, line and what was expected.
 *
 * <pre>{@code
 * List<CsvReader.Row> rows = CsvReader.read(Path.of("reviews.csv"));
 * List<String> header = rows.get(0).fields();
 * }</pre>
 */
public final class CsvReader {

    /**
     * One record.
     *
     * @param line   line number (1-based) where the record starts
     * @param fields the field values, unquoted
     */
    public record Row(long line, List<String> fields) {
    }

    private final Path file;
    private final String text;
    private int pos;
    private long line = 1;

    private CsvReader(Path file, String text) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads all records of a UTF-8 file (header included), checking every row has as many fields as the first. */
    public static List<Row> read(Path file) {
        return parse(file, StrictText.read(file));
    }

    /** Parses CSV text; {@code file} only names the source in error messages. */
    public static List<Row> parse(Path file, String text) {
        CsvReader reader = new CsvReader(file, text);
        List<Row> rows = new ArrayList<>();
        while (reader.pos < reader.text.length()) {
            Row row = reader.row();
            boolean blank = row.fields().size() == 1 && row.fields().get(0).isEmpty();
            if (blank) {
                continue;   // an empty line, e.g. at the end of the file
            }
            if (!rows.isEmpty() && row.fields().size() != rows.get(0).fields().size()) {
                throw new DataFormatException(file, row.line(), rows.get(0).fields().size()
                        + " fields like the header", row.fields().size() + " fields (a field that contains a comma"
                        + " or a line break must be in double quotes)");
            }
            rows.add(row);
        }
        return rows;
    }

    private Row row() {
        long start = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (pos >= text.length()) {
                return new Row(start, fields);
            }
            char c = text.charAt(pos++);
            if (c == ',') {
                continue;
            }
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            return new Row(start, fields);
        }
    }

    private String field() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int begin = pos;
        while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
            if (text.charAt(pos) == '"') {
                throw new DataFormatException(file, line, "a quote only around a whole field (write \"\" inside quotes)",
                        "a quote inside an unquoted field");
            }
            pos++;
        }
        return text.substring(begin, pos);
    }

    private String quoted() {
        long startLine = line;
        StringBuilder out = new StringBuilder();
        pos++;   // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    out.append('"');
                    pos++;
                } else {
                    if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                        throw new DataFormatException(file, line, "a comma or line end after a closing quote",
                                "'" + text.charAt(pos) + "'");
                    }
                    return out.toString();
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                out.append(c);
            }
        }
        throw new DataFormatException(file, startLine, "a closing quote for the field opened on this line",
                "the end of the file");
    }
}
