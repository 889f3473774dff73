package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeSubmissionsTest {

    @TempDir
    Path dir;

    /** Stands in for Jupyter: "executing" a notebook appends the attempts scripted for it. */
    private static final class FakeExecutor implements NotebookExecutor {
        final Map<String, List<GradebookEntry>> attemptsByNotebook;
        final List<Map<String, String>> environments = new ArrayList<>();

        FakeExecutor(Map<String, List<GradebookEntry>> attemptsByNotebook) {
            this.attemptsByNotebook = attemptsByNotebook;
        }

        @Override
        public Outcome execute(Path notebook, Map<String, String> environment, Duration timeout) {
            environments.add(environment);
            String name = notebook.getFileName().toString();
            if (name.startsWith("loops")) {
                return new Outcome(Status.TIMED_OUT, "cell 3 never finished");
            }
            Gradebook book = new Gradebook(Path.of(environment.get(Gradebook.PATH_VARIABLE)));
            attemptsByNotebook.getOrDefault(name, List.of()).forEach(book::append);
            return new Outcome(Status.COMPLETED, "");
        }
    }

    private static GradebookEntry attempt(String item, double score, double max) {
        // The learner id written by the notebook is ignored: the file name identifies the submission.
        return new GradebookEntry("t", "whoever", "00-welcome", item, "question", score, max, "A");
    }

    private GradeSheet grade(FakeExecutor executor) throws IOException {
        Path submissions = Files.createDirectories(dir.resolve("submitted"));
        for (String name : List.of("ada.ipynb", "bob.ipynb", "loops.ipynb", "notes.txt")) {
            Files.writeString(submissions.resolve(name), "{}");
        }
        GradeSubmissions.Options options = GradeSubmissions.Options.parse(new String[] {
                "--submissions", submissions.toString(), "--out", dir.resolve("grades.csv").toString(), "--timeout", "7"});
        return GradeSubmissions.run(options, executor, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void writesOneRowPerLearnerWithLastAttemptsAndTotals() throws IOException {
        FakeExecutor executor = new FakeExecutor(Map.of(
                "ada.ipynb", List.of(attempt("welcome-q1", 0, 1), attempt("welcome-q1", 1, 1),
                        attempt("welcome-softmax", 5, 7)),
                "bob.ipynb", List.of(attempt("welcome-q1", 0, 1))));
        GradeSheet sheet = grade(executor);

        assertEquals(List.of(
                "learner,status,welcome-q1 (/1),welcome-softmax (/7),total,max,percent",
                "ada,completed,1,5,6,8,75",
                "bob,completed,0,,0,8,0",
                "loops,timed out after 7 s,,,0,8,0"), Files.readAllLines(dir.resolve("grades.csv")));
        assertEquals(6, sheet.total("ada"));
        assertEquals(3, executor.environments.size(), "only .ipynb files run");
        assertEquals("ada", executor.environments.get(0).get("COURSE_LEARNER"));
        assertTrue(ImageIO.read(dir.resolve("grades.png").toFile()).getWidth() > 0, "summary chart written");
        for (Map<String, String> environment : executor.environments) {
            assertTrue(Files.notExists(Path.of(environment.get(Gradebook.PATH_VARIABLE))), "temp gradebooks removed");
        }
    }

    @Test
    void badCommandLinesAreExplained() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GradeSubmissions.Options.parse(new String[] {"--out", "g.csv"}));
        assertTrue(missing.getMessage().startsWith("--submissions and --out are required"), missing.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> GradeSubmissions.Options.parse(new String[] {"--submissions", "s", "--out", "g.csv", "--timeout", "soon"}));
        assertTrue(timeout.getMessage().contains("got soon"), timeout.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SubmissionGrader(null, Duration.ofSeconds(1),
                System.out).gradeAll(dir.resolve("nope")));
    }

    @Test
    void csvFieldsWithCommasAreQuoted() throws IOException {
        GradeSheet sheet = GradeSheet.of(List.of(new SubmissionRun("smith, j", "completed",
                List.of(new GradebookEntry("t", "smith, j", "00", "q1", "question", 0.5, 1, "")))));
        Path csv = dir.resolve("g.csv");
        sheet.writeCsv(csv);
        assertEquals("\"smith, j\",completed,0.50,0.50,1,50", Files.readAllLines(csv).get(1));
    }
}
