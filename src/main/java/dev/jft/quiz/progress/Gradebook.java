package dev.jft.quiz.progress;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.jft.course.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local JSON-lines file of attempts: one {@link GradebookEntry} per line, appended as learners
 * answer, never rewritten. Its path is {@code $COURSE_GRADEBOOK}, else
 * {@code ~/.java-fine-tuning-course/gradebook.jsonl}.
 *
 * <pre>{@code
 * Gradebook book = Gradebook.fromEnvironment();
 * book.append(entry);
 * List<GradebookEntry> all = book.read();
 * }</pre>
 */
public final class Gradebook {

    /** Environment variable that moves the gradebook (the instructor's grader sets it per submission). */
    public static final String PATH_VARIABLE = "COURSE_GRADEBOOK";

    private static final Gson GSON = Json.builder().create();

    private final Path file;

    public Gradebook(Path file) {
        this.file = file;
    }

    /** The gradebook named by the environment, or the default one in the home folder. */
    public static Gradebook fromEnvironment() {
        return new Gradebook(pathFrom(System.getenv(), System.getProperty("user.home")));
    }

    static Path pathFrom(Map<String, String> environment, String home) {
        String configured = environment.get(PATH_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(home, ".java-fine-tuning-course", "gradebook.jsonl");
    }

    public Path file() {
        return file;
    }

    /** Appends one attempt; creates the file and its folder when missing. */
    public synchronized void append(GradebookEntry entry) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the gradebook " + file + ": set "
                    + PATH_VARIABLE + " to a writable file", e);
        }
    }

    /** Every attempt in file order; a missing file is an empty gradebook. Fails naming a bad line. */
    public List<GradebookEntry> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the gradebook " + file, e);
        }
        List<GradebookEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                GradebookEntry entry = GSON.fromJson(lines.get(i), GradebookEntry.class);
                if (entry == null || entry.item() == null) {
                    throw new JsonParseException("no \"item\"");
                }
                entries.add(entry);
            } catch (JsonParseException e) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": not a gradebook entry (" + e.getMessage()
                        + "); fix or delete that line", e);
            }
        }
        return entries;
    }
}
