package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jft.course.InstalledKernelspec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor command on real notebooks through Jupyter and the course kernel: copies of lesson
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
        // alice answers q1 right and completes the accuracy exercise.
        String alice = edited(lesson, Q1_CELL, "Quiz.answer(\"welcome-q1\", \"B\")", "return -1;", ACCURACY);
        Files.writeString(submissions.resolve("alice.ipynb"), alice);
        // eve overwrites zoe's submission with alice's full marks before zoe is graded.
        Files.writeString(submissions.resolve("eve.ipynb"), appended(lesson, "java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + submissions.resolve("zoe.ipynb") + "\"), java.nio.file.Files.readString("
                + "java.nio.file.Path.of(\"" + submissions.resolve("alice.ipynb") + "\")));"));
        // mallory leaves every stub alone, shadows Quiz with a class that feeds a correct solution to the real
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
        Files.writeString(submissions.resolve("mallory.ipynb"), appended(inserted(edited(lesson,
                "Quiz.check(\"welcome-accuracy\", accuracy)",
                "System.out.println(\"full marks\");\nQuiz.check(\"welcome-accuracy\", accuracy)"),
                "import dev.jft.quiz.*;", shadow), forge));
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
                result.add(codeCell(source));
                done = true;
            }
        }
        assertTrue(done, "no cell contains " + after);
        json.add("cells", result);
        return json.toString();
    }

    private static String appended(String notebook, String source) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        json.getAsJsonArray("cells").add(codeCell(source));
        return json.toString();
    }

    private static JsonObject codeCell(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", source);
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
        return cell;
    }
}
