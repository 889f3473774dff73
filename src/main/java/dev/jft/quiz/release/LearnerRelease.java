package dev.jft.quiz.release;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.jft.course.Folders;
import dev.jft.course.Json;
import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Problem;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the learner edition of the course ({@code ./course release OUT}): what a learner needs to
 * open the course with {@code ./course start}, and none of the instructor's secrets. It holds the
 * notebooks (outputs cleared), the library sources without the hidden test classes, the banks with
 * their keys and explanations sealed ({@link LearnerBank}), the {@code course} script, {@code pom.xml},
 * the data set manifests, {@code binder/} and the README. It leaves out {@code src/test} (the reference
 * solutions and the course's own tests), {@code scripts/} (test tools) and the banks' authoring notes.
 * The instructor keeps grading in the instructor's tree: learners' notebooks are the same notebooks,
 * so a submission from either edition grades alike.
 *
 * <pre>{@code
 * java -cp "target/classes:$(cat target/classpath.txt)" dev.jft.quiz.release.LearnerRelease . ../course-learner
 * }</pre>
 */
public final class LearnerRelease {

    /** PBKDF2 rounds per sealed answer: each try costs a learner's kernel about a millisecond, not more. */
    public static final int ITERATIONS = 2_000;

    /** Files copied as they are. */
    private static final List<String> FILES = List.of("README.md", "course", "pom.xml", ".gitignore");
    /** Folders copied as they are (but src/main without hidden tests, notebooks without outputs). */
    private static final List<String> FOLDERS = List.of("binder", "datasets", "src/main", "notebooks");
    private static final String SOURCES = "src/main/java";
    /** An annotation {@code @Hidden} at the start of a line: a hidden test the release would otherwise ship. */
    private static final Pattern HIDDEN_ANNOTATION = Pattern.compile("(?m)^\\s*@Hidden\\b");
    private static final Gson NOTEBOOK_GSON = Json.builder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    /** What a release wrote. */
    public record Summary(int files, int questionsSealed, List<String> hiddenClassesLeftOut) {}

    private LearnerRelease() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LearnerRelease COURSE_FOLDER OUT_FOLDER   (OUT_FOLDER new or empty)");
            System.exit(2);
        }
        try {
            Summary summary = write(Path.of(args[0]), Path.of(args[1]));
            System.out.printf("Learner edition written to %s: %d files; %d questions with sealed keys and"
                            + " explanations; %d hidden test classes, src/test (reference solutions) and scripts/ left"
                            + " out.%nLearners open it with ./course start; for Binder, publish this folder as its own"
                            + " repository. Grade in this (the instructor's) tree.%n",
                    args[1], summary.files(), summary.questionsSealed(), summary.hiddenClassesLeftOut().size());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("course release: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the learner edition of the course in {@code course} into {@code out} (absent or empty). */
    public static Summary write(Path course, Path out) throws IOException {
        course = course.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        checkOut(course, out);
        QuizCatalog catalog = instructorCatalog(course);
        Map<String, HiddenTests> hidden = new LinkedHashMap<>();
        Set<Path> hiddenSources = new HashSet<>();
        List<String> hiddenClasses = new ArrayList<>();
        for (QuizBank bank : catalog.banks()) {
            for (Exercise exercise : bank.exercises()) {
                HiddenTests tests = HiddenTests.of(exercise);
                hidden.put(exercise.id(), tests);
                hiddenClasses.addAll(tests.classes());
                for (String name : tests.classes()) {
                    Path sourceFile = HiddenTests.sourceFile(course.resolve(SOURCES), name);
                    if (!Files.isRegularFile(sourceFile)) {
                        throw new IllegalStateException("hidden test class " + name + " is not declared in "
                                + course.relativize(sourceFile) + ": give each hidden test class a file of its own");
                    }
                    hiddenSources.add(sourceFile);
                }
            }
        }
        Map<Path, String> banks = new LinkedHashMap<>();
        for (Map.Entry<String, String> bankFile : QuizCatalog.readBankFiles(course.resolve("quizzes")).entrySet()) {
            Path relative = course.resolve("quizzes").relativize(Path.of(bankFile.getKey()));
            banks.put(out.resolve("quizzes").resolve(relative.toString()),
                    LearnerBank.of(bankFile.getValue(), catalog, hidden, ITERATIONS));
        }
        int files = 0;
        try {
            Files.createDirectories(out);
            for (String file : FILES) {
                if (Files.isRegularFile(course.resolve(file))) {
                    copy(course.resolve(file), out.resolve(file));
                    files++;
                }
            }
            for (String folder : FOLDERS) {
                files += copyFolder(course, folder, out, hiddenSources);
            }
            for (Map.Entry<Path, String> bank : banks.entrySet()) {
                Files.createDirectories(bank.getKey().getParent());
                Files.writeString(bank.getKey(), bank.getValue(), StandardCharsets.UTF_8);
                files++;
            }
        } catch (IOException | RuntimeException e) {
            Folders.delete(out); // it was absent or empty: leave no half release behind
            throw e;
        }
        int questions = catalog.banks().stream().mapToInt(bank -> bank.questions().size()).sum();
        return new Summary(files, questions, List.copyOf(hiddenClasses));
    }

    private static void checkOut(Path course, Path out) throws IOException {
        for (String folder : FOLDERS) {
            if (out.startsWith(course.resolve(folder))) {
                throw new IllegalArgumentException(out + " is inside " + folder + "/, which the release copies: choose"
                        + " a folder outside it, e.g. ../course-learner");
            }
        }
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " is not empty: give a new or empty folder, so nothing"
                            + " of an older release or of the instructor's stays in it");
                }
            }
        }
    }

    /** The instructor's banks, checked; a learner release (sealed keys) or a broken bank is refused. */
    private static QuizCatalog instructorCatalog(Path course) throws IOException {
        Path quizzes = course.resolve("quizzes");
        if (!Files.isDirectory(quizzes) || !Files.isDirectory(course.resolve(SOURCES))) {
            throw new IllegalArgumentException(course + " is not the course's folder (no quizzes/ or " + SOURCES + ")");
        }
        QuizCatalog.Checked checked = QuizCatalog.check(QuizCatalog.readBankFiles(quizzes));
        if (!checked.problems().isEmpty()) {
            throw new IllegalStateException("the banks have problems; fix them first:\n"
                    + String.join("\n", checked.problems().stream().map(Problem::toString).toList()));
        }
        boolean sealed = checked.catalog().banks().stream().flatMap(bank -> bank.questions().stream())
                .anyMatch(question -> question.sealed().isPresent());
        if (sealed) {
            throw new IllegalArgumentException(course + " is a learner edition (its keys are sealed): make releases"
                    + " from the instructor's tree");
        }
        return checked.catalog();
    }

    private static int copyFolder(Path course, String folder, Path out, Set<Path> hiddenSources) throws IOException {
        Path source = course.resolve(folder);
        if (!Files.isDirectory(source)) {
            return 0;
        }
        int files = 0;
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (hiddenSources.contains(file) || file.toString().contains(".ipynb_checkpoints")
                        || name.endsWith(".nbconvert.ipynb")) {
                    continue;
                }
                Path target = out.resolve(course.relativize(file).toString());
                if (name.endsWith(".java") && HIDDEN_ANNOTATION.matcher(Files.readString(file)).find()) {
                    throw new IllegalStateException(course.relativize(file) + " holds @Hidden tests that no bank"
                            + " lists as a hidden test class: list the class in its exercise's \"tests\", or delete it");
                }
                if (name.endsWith(".ipynb")) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, withoutOutputs(Files.readString(file, StandardCharsets.UTF_8)),
                            StandardCharsets.UTF_8);
                } else {
                    copy(file, target);
                }
                files++;
            }
        }
        return files;
    }

    /**
     * The notebook with every code cell's outputs and execution count cleared (the text as it is when
     * there are none, as the course commits its notebooks, so the two editions' notebooks are identical).
     */
    static String withoutOutputs(String notebookJson) {
        JsonObject notebook = Json.parse(notebookJson).getAsJsonObject();
        boolean changed = false;
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            boolean hasOutputs = cell.has("outputs") && cell.getAsJsonArray("outputs").size() > 0;
            boolean counted = cell.has("execution_count") && !cell.get("execution_count").isJsonNull();
            if (hasOutputs || counted) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
                changed = true;
            }
        }
        return changed ? NOTEBOOK_GSON.toJson(notebook) + "\n" : notebookJson;
    }

    private static void copy(Path file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
