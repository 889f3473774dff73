package dev.jft.data;

import dev.jft.course.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a learner's own labelled texts from CSV (RFC 4180, header row) or JSON Lines, with the
 * text and label columns chosen by name. Empty texts and missing labels are dropped and counted;
 * labels outside a declared set, malformed lines and invalid UTF-8 are errors naming file and line.
 *
 * <pre>{@code
 * LoadResult<LabeledText> data = TextFileLoader.csv(Path.of("my-reviews.csv"))
 *         .textColumn("review").labelColumn("stars").labels("1", "2", "3", "4", "5").load();
 * LoadResult<LabeledText> lines = TextFileLoader.jsonl(Path.of("tickets.jsonl"))
 *         .textColumn("body").labelColumn("queue").load();
 * }</pre>
 */
public final class TextFileLoader {

    private enum Format { CSV, JSONL }

    private final Path file;
    private final Format format;
    private final String textColumn;
    private final String labelColumn;
    private final LabelSet labels;

    private TextFileLoader(Path file, Format format, String textColumn, String labelColumn, LabelSet labels) {
        this.file = file;
        this.format = format;
        this.textColumn = textColumn;
        this.labelColumn = labelColumn;
        this.labels = labels;
    }

    /** A CSV file with a header row; columns default to {@code text} and {@code label}. */
    public static TextFileLoader csv(Path file) {
        return new TextFileLoader(file, Format.CSV, "text", "label", null);
    }

    /** A JSON Lines file, one object per line; fields default to {@code text} and {@code label}. */
    public static TextFileLoader jsonl(Path file) {
        return new TextFileLoader(file, Format.JSONL, "text", "label", null);
    }

    /** The column (CSV) or field (JSONL) holding the text. */
    public TextFileLoader textColumn(String name) {
        return new TextFileLoader(file, format, name, labelColumn, labels);
    }

    /** The column (CSV) or field (JSONL) holding the label. */
    public TextFileLoader labelColumn(String name) {
        return new TextFileLoader(file, format, textColumn, name, labels);
    }

    /** Declares the allowed labels; any other label is an error listing them all. */
    public TextFileLoader labels(String... allowed) {
        return new TextFileLoader(file, format, textColumn, labelColumn, LabelSet.of(allowed));
    }

    /** Reads the file. */
    public LoadResult<LabeledText> load() {
        LoadReport report = new LoadReport(file.getFileName().toString());
        List<LabeledText> out = new ArrayList<>();
        LabelSet.Check check = labels == null ? null : labels.check();
        for (LabeledText raw : format == Format.CSV ? csvRecords() : jsonlRecords()) {
            String where = "line " + raw.line();
            if (raw.text() == null || raw.text().isBlank()) {
                report.dropped("empty text", where);
            } else if (raw.label() == null || raw.label().isBlank()) {
                report.dropped("missing label", where);
            } else if (check == null || check.accept(raw.label(), where)) {
                out.add(raw);
                report.kept();
            }
        }
        if (check != null) {
            check.throwIfUnknown(file);
        }
        return new LoadResult<>(out, report, TextFileLoader::table);
    }

    private List<LabeledText> csvRecords() {
        List<CsvReader.Row> rows = CsvReader.read(file);
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 1, "a header row naming the columns", "an empty file");
        }
        List<String> header = rows.get(0).fields();
        int text = column(header, textColumn);
        int label = column(header, labelColumn);
        return rows.subList(1, rows.size()).stream()
                .map(r -> new LabeledText(r.fields().get(text), r.fields().get(label), r.line())).toList();
    }

    private int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            String option = name.equals(textColumn) ? "textColumn" : "labelColumn";
            throw new DataFormatException(file, 1, "a column named '" + name + "' (or choose one of the columns with ."
                    + option + "(name))", "columns " + header);
        }
        return index;
    }

    private List<LabeledText> jsonlRecords() {
        String[] lines = StrictText.read(file).split("\n", -1);
        List<LabeledText> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonObject object;
            try {
                JsonElement element = Json.parse(lines[i]);
                if (!element.isJsonObject()) {
                    throw new DataFormatException(file, i + 1, "a JSON object per line", element.toString());
                }
                object = element.getAsJsonObject();
            } catch (JsonParseException e) {
                throw new DataFormatException(file, i + 1, "a JSON object per line (one complete {...} per line, names and"
                        + " strings in double quotes): " + e.getMessage(), e);
            }
            records.add(new LabeledText(string(object, textColumn), string(object, labelColumn), i + 1));
        }
        return records;
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /** The records as a table: {@code text, label}. */
    public static Table table(List<LabeledText> records) {
        return Table.create("texts",
                StringColumn.create("text", records.stream().map(LabeledText::text)),
                StringColumn.create("label", records.stream().map(LabeledText::label)));
    }
}
