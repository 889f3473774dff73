package dev.jft.quiz.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instructor command: executes a folder of submitted notebooks headlessly through Jupyter and
 * writes the class gradebook as CSV plus a PNG chart beside it.
 *
 * <pre>{@code
 * java -cp course.jar:deps/* dev.jft.quiz.grade.GradeSubmissions --submissions submitted/ --out grades.csv --timeout 300
 * }</pre>
 */
public final class GradeSubmissions {

    static final String USAGE = "usage: GradeSubmissions --submissions DIR --out grades.csv [--timeout SECONDS]"
            + " [--kernel java] [--python /usr/bin/python3]";

    /** Parsed command line. */
    record Options(Path submissions, Path out, Duration timeout, String kernel, String python) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of(
                    "--timeout", "300", "--kernel", "java", "--python", "/usr/bin/python3"));
            for (int i = 0; i < args.length; i += 2) {
                if (!List.of("--submissions", "--out", "--timeout", "--kernel", "--python").contains(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
                }
                values.put(args[i], args[i + 1]);
            }
            if (!values.containsKey("--submissions") || !values.containsKey("--out")) {
                throw new IllegalArgumentException("--submissions and --out are required\n" + USAGE);
            }
            long seconds;
            try {
                seconds = Long.parseLong(values.get("--timeout"));
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds <= 0) {
                throw new IllegalArgumentException("--timeout must be a whole number of seconds above 0, got "
                        + values.get("--timeout"));
            }
            return new Options(Path.of(values.get("--submissions")), Path.of(values.get("--out")),
                    Duration.ofSeconds(seconds), values.get("--kernel"), values.get("--python"));
        }

        /** The chart goes beside the CSV: {@code grades.csv} -> {@code grades.png}. */
        Path chart() {
            String name = out.getFileName().toString().replaceFirst("\\.csv$", "");
            return out.resolveSibling(name + ".png");
        }
    }

    private GradeSubmissions() {}

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, new NbconvertExecutor(options.python(), options.kernel()), System.out);
    }

    /** Grades every submission with {@code executor} and writes the CSV and chart. */
    static GradeSheet run(Options options, NotebookExecutor executor, PrintStream log) throws IOException {
        List<SubmissionRun> runs = new SubmissionGrader(executor, options.timeout(), log).gradeAll(options.submissions());
        GradeSheet sheet = GradeSheet.of(runs);
        sheet.writeCsv(options.out());
        sheet.writeChart(options.chart());
        log.printf("%d submissions graded: %s, %s%n", runs.size(), options.out(), options.chart());
        return sheet;
    }
}
