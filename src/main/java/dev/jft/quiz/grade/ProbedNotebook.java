package dev.jft.quiz.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.jft.quiz.bank.QuizCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The notebook the grader runs for one submission: the learner's cells, each followed by one
 * {@link GradingProbe} cell per quiz call it makes, so every answer and check is re-run by the
 * grader's own code right where the learner made it. Every cell's metadata key {@value #KEY} is the
 * grader's (whatever the learner put there is dropped): {@code cell} is the learner's cell number,
 * {@code probe} the item a probe grades.
 *
 * <pre>{@code
 * ProbedNotebook probed = ProbedNotebook.of(NotebookCells.parse(json), token, QuizCatalog.fromClasspath());
 * Files.writeString(dir.resolve("submission.ipynb"), probed.notebook().toString());
 * }</pre>
 */
public record ProbedNotebook(JsonObject notebook, List<String> notes) {

    /** The metadata key the grader owns in every cell. */
    public static final String KEY = "jft_grader";

    public ProbedNotebook {
        notes = List.copyOf(notes);
    }

    /** Probes each call to an item of {@code catalog}; calls it cannot grade go to {@link #notes()}. */
    public static ProbedNotebook of(NotebookCells learner, String token, QuizCatalog catalog) {
        JsonObject notebook = learner.json();
        JsonArray cells = new JsonArray();
        List<String> notes = new ArrayList<>();
        // nbformat 4.5 and later require an id in every cell, and earlier versions forbid one.
        JsonElement minor = notebook.get("nbformat_minor");
        boolean cellIds = minor != null && minor.isJsonPrimitive() && minor.getAsJsonPrimitive().isNumber()
                && minor.getAsInt() >= 5;
        int number = 0;
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            number++;
            JsonObject metadata = cell.get("metadata") instanceof JsonObject object ? object : new JsonObject();
            JsonObject ours = new JsonObject();
            ours.addProperty("cell", number);
            metadata.add(KEY, ours);
            cell.add("metadata", metadata);
            cells.add(cell);
            if (!NotebookCells.isCode(cell)) {
                continue;
            }
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", JsonNull.INSTANCE);
            for (QuizCalls.Call call : QuizCalls.in(NotebookCells.source(cell))) {
                if (!call.method().equals("answer") && !call.method().equals("check")) {
                    continue;
                }
                if (call.id().isEmpty()) {
                    notes.add("cell " + number + ": Quiz." + call.method() + "(" + call.arguments()
                            + ") is not graded: its id must be a quoted string as in the lesson");
                } else if (catalog.question(call.id().get()).isEmpty() && catalog.exercise(call.id().get()).isEmpty()) {
                    List<String> nearest = catalog.nearestIds(call.id().get());
                    notes.add("cell " + number + ": no quiz item \"" + call.id().get() + "\""
                            + (nearest.isEmpty() ? "" : " (renamed? did you mean " + String.join(" or ", nearest) + "?)"));
                } else {
                    JsonObject probe = probeCell(call, token, number);
                    if (cellIds) {
                        probe.addProperty("id", "jft-probe-" + cells.size());
                    }
                    cells.add(probe);
                }
            }
        }
        notebook.add("cells", cells);
        return new ProbedNotebook(notebook, notes);
    }

    private static JsonObject probeCell(QuizCalls.Call call, String token, int learnerCell) {
        JsonObject probe = new JsonObject();
        probe.addProperty("item", call.id().orElseThrow());
        probe.addProperty("method", call.method());
        probe.addProperty("cell", learnerCell);
        JsonObject ours = new JsonObject();
        ours.add("probe", probe);
        JsonObject metadata = new JsonObject();
        metadata.add(KEY, ours);
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", metadata);
        cell.addProperty("source", GradingProbe.callFor(call, token));
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", JsonNull.INSTANCE);
        return cell;
    }
}
