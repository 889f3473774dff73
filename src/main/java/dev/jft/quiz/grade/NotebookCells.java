package dev.jft.quiz.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.jft.course.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a Jupyter notebook file, read without trusting it: a file that is not a notebook
 * gives an error saying what is wrong with it, never a crash of the grader.
 *
 * <pre>{@code
 * NotebookCells cells = NotebookCells.parse(Files.readString(path));
 * cells.codeSources(); // the Java source of every code cell, in order
 * }</pre>
 */
public final class NotebookCells {

    private final JsonObject notebook;

    private NotebookCells(JsonObject notebook) {
        this.notebook = notebook;
    }

    /** Parses notebook JSON; fails with {@link IllegalArgumentException} naming what is wrong. */
    public static NotebookCells parse(String json) {
        JsonElement root;
        try {
            root = Json.parse(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e) + ")", e);
        }
        if (root == null || !root.isJsonObject() || !(root.getAsJsonObject().get("cells") instanceof JsonArray cells)) {
            throw new IllegalArgumentException("not a Jupyter notebook: no \"cells\" list");
        }
        for (JsonElement cell : cells) {
            if (!cell.isJsonObject() || !cell.getAsJsonObject().has("cell_type")) {
                throw new IllegalArgumentException("not a Jupyter notebook: a cell without \"cell_type\"");
            }
        }
        return new NotebookCells(root.getAsJsonObject());
    }

    private static String firstLine(Exception e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    /** A copy of the whole notebook as JSON. */
    public JsonObject json() {
        return notebook.deepCopy();
    }

    /** The source of every code cell, in notebook order. */
    public List<String> codeSources() {
        List<String> sources = new ArrayList<>();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            if (isCode(cell.getAsJsonObject())) {
                sources.add(source(cell.getAsJsonObject()));
            }
        }
        return sources;
    }

    static boolean isCode(JsonObject cell) {
        return "code".equals(cell.get("cell_type").getAsString());
    }

    /** A cell's source, which nbformat stores as one string or a list of lines. */
    static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.isJsonPrimitive() ? line.getAsString() : ""));
            return text.toString();
        }
        return source.isJsonPrimitive() ? source.getAsString() : "";
    }
}
