package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import dev.jft.course.InstalledKernelspec;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor command on real notebooks: two learners' copies of lesson 00 run through Jupyter
 * and the course kernel, and the CSV holds each learner's real scores.
 */
class GradeSubmissionsEndToEndTest {

    private static final Path WELCOME = Path.of("notebooks/00-welcome.ipynb");

    @Test
    void gradesSubmittedNotebooksThroughTheCourseKernel(@TempDir Path work) throws Exception {
        InstalledKernelspec.assumeInstalled();
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        // alice answers the question right and completes the exercise; bob hands in the lesson untouched,
        // its answer cells still at the placeholder "?", which records nothing.
        Files.writeString(submissions.resolve("alice.ipynb"), edited(Files.readString(WELCOME),
                "Quiz.answer(\"welcome-q1\", \"?\")", "Quiz.answer(\"welcome-q1\", \"B\")",
                "return -1;", """
                if (predictions.length != labels.length || predictions.length == 0) throw new IllegalArgumentException("lengths");
                int correct = 0;
                for (int i = 0; i < labels.length; i++) if (predictions[i] == labels[i]) correct++;
                return correct / (double) labels.length;"""));
        Files.copy(WELCOME, submissions.resolve("bob.ipynb"));
        Path csv = work.resolve("grades.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        GradeSubmissions.run(GradeSubmissions.Options.parse(new String[] {
            "--submissions", submissions.toString(), "--out", csv.toString(), "--timeout", "240"}),
                new NbconvertExecutor("/usr/bin/python3", "java"), new PrintStream(log, true, StandardCharsets.UTF_8));

        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        String alice = row(rows, "alice");
        String bob = row(rows, "bob");
        assertEquals(1.0, number(header, alice, "welcome-q1 (/1)"), 1e-9, log.toString());
        assertEquals("", field(header, bob, "welcome-q1 (/1)"), "not attempted: " + log);
        assertEquals(7.0, number(header, alice, "welcome-accuracy (/7)"), 1e-9, log.toString());
        assertEquals(0.0, number(header, bob, "welcome-accuracy (/7)"), 1e-9, log.toString());
        assertTrue(Files.size(work.resolve("grades.png")) > 0, "summary chart written");
    }

    /** The notebook with each (old, new) pair of code replaced inside its cells. */
    private static String edited(String notebook, String... replacements) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        for (var element : json.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            StringBuilder source = new StringBuilder();
            cell.getAsJsonArray("source").forEach(line -> source.append(line.getAsString()));
            String text = source.toString();
            for (int i = 0; i < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            JsonArray lines = new JsonArray();
            lines.add(text);
            cell.add("source", lines);
        }
        return json.toString();
    }

    private static String row(List<String> rows, String learner) {
        return rows.stream().filter(r -> r.startsWith(learner + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + learner + " in " + rows));
    }

    private static double number(List<String> header, String row, String column) {
        return Double.parseDouble(field(header, row, column));
    }

    private static String field(List<String> header, String row, String column) {
        int index = header.indexOf(column);
        assertTrue(index >= 0, "no column " + column + " in " + header);
        return row.split(",", -1)[index];
    }
}
