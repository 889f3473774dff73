package dev.jft.quiz.bank;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks every quiz bank under a folder and fails listing each problem as {@code file:line: message}.
 * The build runs it after compiling (the test classes named by exercises must exist by then).
 *
 * <pre>{@code
 * java -cp target/classes:... dev.jft.quiz.bank.QuizBankValidator quizzes
 * }</pre>
 */
public final class QuizBankValidator {

    private QuizBankValidator() {}

    /** Validates the folder given as the only argument; exits with 1 when it has problems. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: QuizBankValidator QUIZZES_DIR");
            System.exit(2);
        }
        List<Problem> problems = validate(Path.of(args[0]), System.out);
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
    }

    /** The problems in the banks under {@code dir}; prints a one-line summary to {@code log}. */
    public static List<Problem> validate(Path dir, PrintStream log) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of(new Problem(dir.toString(), 1, "no such folder: pass the course's quizzes/ folder"));
        }
        Map<String, String> files = QuizCatalog.readBankFiles(dir);
        QuizCatalog.Checked checked = QuizCatalog.check(files);
        log.printf("Quiz banks: %d files, %d ids, %d problems%n",
                files.size(), checked.catalog().ids().size(), checked.problems().size());
        return checked.problems();
    }
}
