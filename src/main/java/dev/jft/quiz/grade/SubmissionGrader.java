package dev.jft.quiz.grade;

import dev.jft.course.Course;
import dev.jft.course.Folders;
import dev.jft.quiz.QuizSession;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.progress.Gradebook;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades a folder of submitted notebooks of one lesson without believing them. All submissions
 * are read into memory before any runs, so learner code cannot change another's submission; each
 * then runs on its own copy, alone in a fresh private temporary folder, in a fresh kernel, with a
 * {@link GradingProbe} after each quiz call ({@link ProbedNotebook}), several at a time if asked. Grades come from those probes
 * and the bank only: whatever the notebook wrote to a gradebook is ignored. A submission that does
 * not parse, loops or kills its kernel is reported in its own row; the rest are still graded.
 *
 * <pre>{@code
 * List<SubmissionRun> runs = new SubmissionGrader(executor, catalog, "00-welcome", Duration.ofMinutes(2), System.out)
 *         .gradeAll(Path.of("submitted"), 2);
 * }</pre>
 */
public final class SubmissionGrader {

    private static final String NOTEBOOK_SUFFIX = ".ipynb";
    /** Time for the kernel to start and shut down, on top of the cells' limits. */
    private static final Duration KERNEL_START = Duration.ofMinutes(2);

    private final NotebookExecutor executor;
    private final QuizCatalog catalog;
    private final ItemGrader items;
    private final Duration cellTimeout;
    private final PrintStream log;
    private final NotebookCells lessonNotebook; // null when the lesson's own notebook is not in this course folder

    /** Fails naming the known lessons when {@code lesson} has no bank in {@code catalog}. */
    public SubmissionGrader(NotebookExecutor executor, QuizCatalog catalog, String lesson, Duration cellTimeout,
                            PrintStream log) {
        QuizBank bank = catalog.banks().stream().filter(b -> b.lesson().equals(lesson)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quiz bank for lesson \"" + lesson + "\"; the lessons are "
                        + catalog.banks().stream().map(QuizBank::lesson).toList()));
        this.executor = executor;
        this.catalog = catalog;
        this.items = new ItemGrader(bank);
        this.cellTimeout = cellTimeout;
        this.log = log;
        this.lessonNotebook = lessonNotebook(lesson);
    }

    private static NotebookCells lessonNotebook(String lesson) {
        Path file = Course.home().resolve("notebooks").resolve(lesson + NOTEBOOK_SUFFIX);
        try {
            return Files.isRegularFile(file) ? NotebookCells.parse(Files.readString(file, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the lesson's notebook " + file, e);
        }
    }

    /**
     * Grades the notebooks in {@code submissions} from a snapshot taken first, {@code jobs} at a time
     * (each in its own kernel), and returns their runs in file-name order.
     */
    public List<SubmissionRun> gradeAll(Path submissions, int jobs) throws IOException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("--submissions " + submissions + " is not a folder of .ipynb files");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be 1 or more, got " + jobs);
        }
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(submissions)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(NOTEBOOK_SUFFIX)).sorted().toList()) {
                String name = file.getFileName().toString();
                snapshot.put(name.substring(0, name.length() - NOTEBOOK_SUFFIX.length()),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<SubmissionRun>> running = new ArrayList<>();
            for (Map.Entry<String, String> submission : snapshot.entrySet()) {
                running.add(pool.submit(() -> gradeOrReport(submission.getKey(), submission.getValue())));
            }
            List<SubmissionRun> runs = new ArrayList<>();
            for (Future<SubmissionRun> run : running) {
                runs.add(run.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // the grader's own files (its temporary folders): no grade can be trusted
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow(); // on an error, stop the kernels still running (their executors clean up)
        }
    }

    /** Grades one submission; a failure of the grader on it is reported in its row, not thrown. */
    private SubmissionRun gradeOrReport(String learner, String notebookJson) throws IOException {
        try {
            return grade(learner, notebookJson);
        } catch (RuntimeException e) {
            // One submission the grader cannot handle must not cost the rest of the class its grades.
            String status = "not graded: the grader failed on it (" + e + ")";
            log.printf("  %s: %s%n", learner, status);
            return new SubmissionRun(learner, status, items.allZero("not graded"), List.of(), Optional.empty());
        }
    }

    /** Grades one learner's notebook text. */
    public SubmissionRun grade(String learner, String notebookJson) throws IOException {
        log.printf("grading %s ...%n", learner);
        NotebookCells cells;
        try {
            cells = NotebookCells.parse(notebookJson);
        } catch (IllegalArgumentException e) {
            String status = "not graded: the notebook is " + e.getMessage();
            log.printf("  %s: %s%n", learner, status);
            return new SubmissionRun(learner, status, items.allZero("not graded: unreadable notebook"), List.of(),
                    Optional.empty());
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        ProbedNotebook probed = ProbedNotebook.of(cells, token, catalog);
        List<String> notes = new ArrayList<>(probed.notes());
        if (lessonNotebook != null) {
            notes.addAll(EditedCheckCells.notes(lessonNotebook, cells));
        }
        Path work = Files.createTempDirectory("grade-" + learner.replaceAll("[^A-Za-z0-9_-]", "_") + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path notebook = work.resolve("submission.ipynb");
            Path executed = work.resolve("executed.ipynb");
            Files.writeString(notebook, probed.notebook().toString(), StandardCharsets.UTF_8);
            int codeCells = 0;
            for (var cell : probed.notebook().getAsJsonArray("cells")) {
                codeCells += NotebookCells.isCode(cell.getAsJsonObject()) ? 1 : 0;
            }
            Duration overall = cellTimeout.multipliedBy(codeCells + 1).plus(KERNEL_START);
            NotebookExecutor.Outcome outcome = executor.execute(notebook, executed, Map.of(
                    // The learner's own Quiz calls write here, and nobody reads it.
                    Gradebook.PATH_VARIABLE, work.resolve("ignored-gradebook.jsonl").toString(),
                    QuizSession.LEARNER_VARIABLE, learner), cellTimeout, overall);
            if (!Files.isRegularFile(executed)) {
                String status = "not graded: the run " + (outcome.status() == NotebookExecutor.Status.TIMED_OUT
                        ? "ran over " + overall.toSeconds() + " s" : "failed") + " (see the log)";
                log.printf("  %s: %s%n%s%n", learner, status, tail(outcome.log()));
                return new SubmissionRun(learner, status, items.allZero("not run"), notes, Optional.empty());
            }
            String executedJson = Files.readString(executed, StandardCharsets.UTF_8);
            ExecutedNotebook run = ExecutedNotebook.read(executedJson, token);
            List<String> problems = new ArrayList<>(run.cellProblems());
            if (outcome.status() == NotebookExecutor.Status.TIMED_OUT) {
                problems.add("stopped after " + overall.toSeconds() + " s");
            }
            String status = problems.isEmpty() ? "completed" : String.join("; ", problems);
            if (!problems.isEmpty()) {
                log.printf("  %s: %s%n", learner, status);
            }
            return new SubmissionRun(learner, status, items.grades(run.lastProbes()), notes,
                    Optional.of(executedJson));
        } finally {
            Folders.delete(work);
        }
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
