package dev.jft.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * A notebook (nbformat 4) of code cells with these sources and no outputs yet: the grader's kernel
 * check runs one, and tests build theirs with it.
 *
 * <pre>{@code
 * Files.writeString(path, CodeCellNotebook.of("int x = 1;", "x + 1"));
 * }</pre>
 */
public final class CodeCellNotebook {

    private CodeCellNotebook() {}

    /** The notebook's JSON text. */
    public static String of(String... sources) {
        JsonArray cells = new JsonArray();
        for (String source : sources) {
            cells.add(cell(source));
        }
        JsonObject notebook = new JsonObject();
        notebook.add("cells", cells);
        notebook.add("metadata", new JsonObject());
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 4);
        return notebook.toString();
    }

    /** One code cell. */
    public static JsonObject cell(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", source);
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", JsonNull.INSTANCE);
        return cell;
    }
}
