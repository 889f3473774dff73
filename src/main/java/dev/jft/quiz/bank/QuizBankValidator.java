package dev.jft.quiz.bank;

import dev.jft.course.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks every quiz bank under a folder and fails listing each problem as {@code file:line: message};
 * only banks without problems are then published onto the classpath. The build runs it after
 * compiling (the test classes named by exercises must exist by then), and it is the build's only
 * copy of {@code quizzes/}: a broken bank never reaches {@code target/classes}, so kernels started
 * from a failed build still load the last good banks.
 *
 * <pre>{@code
 * java -cp target/classes:... dev.jft.quiz.bank.QuizBankValidator quizzes target/classes/quizzes
 * }</pre>
 */
public final class QuizBankValidator {

    private static final String USAGE = "usage: QuizBankValidator QUIZZES_DIR [PUBLISH_DIR]";

    private QuizBankValidator() {}

    /** Validates the folder given first; exits with 1 when it has problems, else publishes to the second. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<Problem> problems = validate(Path.of(args[0]), System.out);
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println("Quiz banks not published: fix the problems above and build again");
            System.exit(1);
        }
        if (args.length == 2) {
            publish(Path.of(args[0]), Path.of(args[1]));
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

    /**
     * Replaces {@code target} with the {@code .json} files under {@code source}, keeping their
     * relative paths, so a bank deleted from {@code quizzes/} leaves the classpath too. Call it only
     * after {@link #validate} found no problems.
     */
    public static void publish(Path source, Path target) throws IOException {
        Folders.delete(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
