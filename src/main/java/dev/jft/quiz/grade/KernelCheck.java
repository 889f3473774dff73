package dev.jft.quiz.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.course.CodeCellNotebook;
import dev.jft.course.Folders;
import dev.jft.course.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a one-cell notebook through the grader's executor before any submission, so a kernel that
 * cannot start or cannot load PyTorch (a missing kernelspec, files the grading user cannot read)
 * stops the grading with its log instead of giving every learner zero.
 *
 * <pre>{@code
 * KernelCheck.requireStarts(executor, "the course kernel as user nobody");
 * }</pre>
 */
final class KernelCheck {

    static final String READY = "kernel ready for grading";
    private static final String NOTEBOOK = CodeCellNotebook.of(
            "System.out.println(ai.djl.engine.Engine.getInstance().getEngineName() + \" " + READY + "\");");

    private KernelCheck() {}

    /**
     * Throws, with the runner's log and the cell's output, when {@code executor} cannot run a cell that
     * loads the deep learning engine; {@code what} names the kernel.
     */
    static void requireStarts(NotebookExecutor executor, String what) throws IOException {
        Path work = Files.createTempDirectory("grade-kernel-check-");
        try {
            Path notebook = work.resolve("check.ipynb");
            Path executed = work.resolve("executed.ipynb");
            Files.writeString(notebook, NOTEBOOK, StandardCharsets.UTF_8);
            NotebookExecutor.Outcome outcome = executor.execute(notebook, executed, Map.of(), Duration.ofMinutes(2),
                    Duration.ofMinutes(4));
            JsonArray outputs = Files.isRegularFile(executed) ? Json.parse(Files.readString(executed, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs")
                    : new JsonArray();
            if (!printedReady(outputs)) {
                String log = outcome.log() + "\nThe cell's output: " + outputs;
                throw new IllegalArgumentException("Nothing was graded: " + what + " did not run a one-line cell"
                        + " that loads the deep learning engine (" + outcome.status() + "). Its log:\n" + (log.length() > 3000 ? "..." + log.substring(log.length()
                        - 3000) : log) + "\nCheck the kernel (./course setup installs the course's) and, with --user,"
                        + " that the user can read what the kernel needs.");
            }
        } finally {
            Folders.delete(work);
        }
    }

    /** Whether the cell printed the line (an error's traceback quotes the code, so only printed text counts). */
    private static boolean printedReady(JsonArray outputs) {
        for (JsonElement output : outputs) {
            JsonObject object = output.getAsJsonObject();
            if (object.has("name") && object.get("name").getAsString().equals("stdout")
                    && object.get("text").toString().contains(READY)) {
                return true;
            }
        }
        return false;
    }
}
