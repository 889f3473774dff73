package dev.jft.quiz.grade;

import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Executes every {@code *.ipynb} in a folder, each with its own temporary gradebook, and
 * collects the attempts under the learner id taken from the file name.
 *
 * <pre>{@code
 * List<SubmissionRun> runs = new SubmissionGrader(executor, Duration.ofMinutes(5), System.out).gradeAll(dir);
 * }</pre>
 */
public final class SubmissionGrader {

    private static final String NOTEBOOK_SUFFIX = ".ipynb";

    private final NotebookExecutor executor;
    private final Duration timeout;
    private final PrintStream log;

    public SubmissionGrader(NotebookExecutor executor, Duration timeout, PrintStream log) {
        this.executor = executor;
        this.timeout = timeout;
        this.log = log;
    }

    /** Runs the notebooks in {@code submissions}, in file-name order. */
    public List<SubmissionRun> gradeAll(Path submissions) throws IOException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("--submissions " + submissions + " is not a folder of .ipynb files");
        }
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(submissions)) {
            notebooks = files.filter(f -> f.getFileName().toString().endsWith(NOTEBOOK_SUFFIX)).sorted().toList();
        }
        List<SubmissionRun> runs = new ArrayList<>();
        for (Path notebook : notebooks) {
            runs.add(grade(notebook));
        }
        return runs;
    }

    /** Runs one notebook; its learner id is the file name without {@code .ipynb}. */
    public SubmissionRun grade(Path notebook) throws IOException {
        String fileName = notebook.getFileName().toString();
        String learner = fileName.substring(0, fileName.length() - NOTEBOOK_SUFFIX.length());
        Path gradebookFile = Files.createTempFile("gradebook-" + learner.replaceAll("[^A-Za-z0-9_-]", "_"), ".jsonl");
        try {
            log.printf("grading %s ...%n", fileName);
            NotebookExecutor.Outcome outcome = executor.execute(notebook, Map.of(
                    Gradebook.PATH_VARIABLE, gradebookFile.toString(), "COURSE_LEARNER", learner), timeout);
            String status = switch (outcome.status()) {
                case COMPLETED -> "completed";
                case FAILED -> "failed";
                case TIMED_OUT -> "timed out after " + timeout.toSeconds() + " s";
            };
            if (outcome.status() != NotebookExecutor.Status.COMPLETED) {
                log.printf("  %s: %s%n%s%n", fileName, status, tail(outcome.log()));
            }
            List<GradebookEntry> entries = new Gradebook(gradebookFile).read().stream()
                    .map(entry -> new GradebookEntry(entry.time(), learner, entry.lesson(), entry.item(),
                            entry.kind(), entry.score(), entry.max(), entry.answer()))
                    .toList();
            return new SubmissionRun(learner, status, entries);
        } finally {
            Files.deleteIfExists(gradebookFile);
        }
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
