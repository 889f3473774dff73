package dev.jft.quiz.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.jft.course.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What running a {@link ProbedNotebook} gave: how each learner cell ended (from the run status the
 * grader's runner wrote into its metadata) and, per quiz item, the report of the last probe that
 * graded it. Only lines marked with this submission's token count.
 *
 * <pre>{@code
 * ExecutedNotebook run = ExecutedNotebook.read(executedJson, token);
 * run.cellProblems(); // e.g. ["cell 12 timed out (interrupted)"]
 * run.probes().get("welcome-q1").report();
 * }</pre>
 */
public final class ExecutedNotebook {

    /** Run statuses the runner writes (scripts: grade_notebook.py). */
    static final String OK = "ok";
    static final String ERROR = "error";
    static final String TIMEOUT = "timeout";
    static final String DIED = "kernel died";
    static final String NOT_RUN = "not run";

    /**
     * The last probe of an item: how its cell ended ({@code run}), the probe's report when it printed
     * one, else the error the cell showed.
     */
    public record Probe(String item, String method, int cell, String run, Optional<JsonObject> report, String error) {}

    private final List<String> cellProblems = new ArrayList<>();
    private final Map<String, Probe> probes = new LinkedHashMap<>();

    private ExecutedNotebook() {}

    /** Reads the runner's output notebook; {@code token} is the one its probe cells were given. */
    public static ExecutedNotebook read(String executedJson, String token) {
        ExecutedNotebook run = new ExecutedNotebook();
        JsonObject notebook = Json.parse(executedJson).getAsJsonObject();
        List<Integer> errors = new ArrayList<>();
        int notRun = 0;
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            JsonObject ours = cell.getAsJsonObject("metadata").getAsJsonObject(ProbedNotebook.KEY);
            if (!NotebookCells.isCode(cell) || ours == null) {
                continue;
            }
            String status = ours.has("run") ? ours.get("run").getAsString()
                    : NotebookCells.source(cell).isBlank() ? OK : NOT_RUN;
            if (ours.has("probe")) {
                JsonObject probe = ours.getAsJsonObject("probe");
                String item = probe.get("item").getAsString();
                run.probes.remove(item); // keeps the map in order of each item's last probe
                run.probes.put(item, new Probe(item, probe.get("method").getAsString(), probe.get("cell").getAsInt(),
                        status, report(cell, token), errorText(cell)));
                continue;
            }
            int number = ours.get("cell").getAsInt();
            boolean mayRaise = cell.getAsJsonObject("metadata").get("tags") instanceof JsonArray tags
                    && tags.toString().contains("\"raises-exception\"");
            switch (status) {
                case ERROR -> {
                    if (!mayRaise) {
                        errors.add(number);
                    }
                }
                case TIMEOUT -> run.cellProblems.add("cell " + number + " timed out (interrupted)");
                case DIED -> run.cellProblems.add("cell " + number + " stopped the kernel");
                case NOT_RUN -> notRun++;
                default -> { }
            }
        }
        if (!errors.isEmpty()) {
            run.cellProblems.add(0, (errors.size() == 1 ? "cell " : "cells ") + String.join(", ",
                    errors.stream().map(String::valueOf).toList()) + " raised an error");
        }
        if (notRun > 0) {
            run.cellProblems.add(notRun + (notRun == 1 ? " cell" : " cells") + " not run");
        }
        return run;
    }

    private static Optional<JsonObject> report(JsonObject cell, String token) {
        String mark = GradingProbe.MARK + token + " ";
        Optional<JsonObject> found = Optional.empty();
        for (String line : outputText(cell, "stream").lines().toList()) {
            if (line.startsWith(mark)) {
                try {
                    found = Optional.of(Json.parse(line.substring(mark.length())).getAsJsonObject());
                } catch (JsonParseException | IllegalStateException e) {
                    found = Optional.empty();
                }
            }
        }
        return found;
    }

    private static String errorText(JsonObject cell) {
        return outputText(cell, "error").strip();
    }

    /** The text of the cell's outputs of one type: stream text, or an error's name and value. */
    private static String outputText(JsonObject cell, String type) {
        StringBuilder text = new StringBuilder();
        if (!(cell.get("outputs") instanceof JsonArray outputs)) {
            return "";
        }
        for (JsonElement element : outputs) {
            JsonObject output = element.getAsJsonObject();
            if (!type.equals(output.get("output_type").getAsString())) {
                continue;
            }
            if (type.equals("stream")) {
                text.append(NotebookCells.source(renamed(output, "text")));
            } else {
                text.append(output.has("ename") ? output.get("ename").getAsString() : "error").append(": ")
                        .append(output.has("evalue") ? output.get("evalue").getAsString() : "").append('\n');
            }
        }
        return text.toString();
    }

    /** {@code output} with {@code field} as "source", so multi-line text reads like a cell's source. */
    private static JsonObject renamed(JsonObject output, String field) {
        JsonObject copy = new JsonObject();
        copy.add("source", output.get(field));
        return copy;
    }

    /** Problems of the learner's own cells, e.g. {@code "cells 7, 12 raised an error"}; empty when all ran. */
    public List<String> cellProblems() {
        return List.copyOf(cellProblems);
    }

    /** The last probe of each item, by item id. */
    public Map<String, Probe> lastProbes() {
        return Map.copyOf(probes);
    }
}
