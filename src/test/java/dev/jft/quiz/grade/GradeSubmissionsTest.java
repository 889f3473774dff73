package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jft.quiz.QuizSession;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.progress.Gradebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

/** The grader's bookkeeping with a stand-in for Jupyter; GradeSubmissionsEndToEndTest runs real kernels. */
class GradeSubmissionsTest {

    @TempDir
    Path dir;

    /**
     * Stands in for the kernel: a probe reports the literal values it was given (or, for a check, 5 of
     * 7 points); a cell with {@code while (true)} times out; {@code halt} kills the kernel.
     */
    private static final class FakeKernel implements NotebookExecutor {
        private static final Pattern PROBE = Pattern.compile(
                "GradingProbe\\.(answer|check)\\(\"(\\w+)\", \"([^\"]+)\"(?:, (.*))?\\);");
        final List<Map<String, String>> environments = Collections.synchronizedList(new ArrayList<>());
        /** When set, each run waits (up to 10 s) until this many runs are in the kernel at once. */
        CountDownLatch together = new CountDownLatch(0);
        final AtomicInteger metTheOthers = new AtomicInteger();

        @Override
        public Outcome execute(Path notebook, Path executed, Map<String, String> environment, Duration cellTimeout,
                               Duration overallLimit) {
            environments.add(environment);
            try {
                together.countDown();
                if (together.await(10, TimeUnit.SECONDS)) {
                    metTheOthers.incrementAndGet();
                }
                JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
                boolean dead = false;
                for (JsonElement element : json.getAsJsonArray("cells")) {
                    JsonObject cell = element.getAsJsonObject();
                    if (!cell.get("cell_type").getAsString().equals("code") || dead) {
                        continue;
                    }
                    String source = NotebookCells.source(cell);
                    String run = source.contains("while (true)") ? "timeout" : source.contains("halt(") ? "kernel died" : "ok";
                    dead = run.equals("kernel died");
                    cell.getAsJsonObject("metadata").getAsJsonObject(ProbedNotebook.KEY).addProperty("run", run);
                    Matcher probe = PROBE.matcher(source);
                    if (probe.find()) {
                        String report = probe.group(1).equals("answer")
                                ? "{\"id\":\"" + probe.group(3) + "\",\"values\":[" + probe.group(4) + "]}"
                                : "{\"id\":\"" + probe.group(3) + "\",\"earned\":5,\"points\":7,\"tests\":["
                                        + "{\"name\":\"lengths\",\"passed\":false,\"hidden\":false,\"message\":\"rejects unequal lengths\"},"
                                        + "{\"name\":\"sums\",\"passed\":true,\"hidden\":false,\"message\":\"\"},"
                                        + "{\"name\":\"secret name\",\"passed\":false,\"hidden\":true,"
                                        + "\"message\":\"secret message\"}]}";
                        cell.getAsJsonArray("outputs").add(JsonParser.parseString("{\"output_type\":\"stream\",\"text\":"
                                + "[\"" + (GradingProbe.MARK + probe.group(2) + " " + report).replace("\"", "\\\"") + "\\n\"]}"));
                    }
                }
                Files.writeString(executed, json.toString());
                return new Outcome(Status.FINISHED, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Status.FAILED, "interrupted");
            }
        }
    }

    /** A notebook of code cells. */
    static String notebook(String... cells) {
        JsonArray array = new JsonArray();
        for (String source : cells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.add("metadata", new JsonObject());
            cell.addProperty("source", source);
            cell.add("outputs", new JsonArray());
            array.add(cell);
        }
        JsonObject notebook = new JsonObject();
        notebook.add("cells", array);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 4);
        return notebook.toString();
    }

    private GradeSheet grade(FakeKernel kernel, Map<String, String> notebooks, String... moreOptions) throws IOException {
        Path submissions = Files.createDirectories(dir.resolve("submitted"));
        for (Map.Entry<String, String> notebook : notebooks.entrySet()) {
            Files.writeString(submissions.resolve(notebook.getKey()), notebook.getValue());
        }
        List<String> args = new ArrayList<>(List.of("--lesson", "00-welcome", "--submissions", submissions.toString(),
                "--out", dir.resolve("grades.csv").toString(), "--cell-timeout", "7"));
        args.addAll(List.of(moreOptions));
        GradeSubmissions.Options options = GradeSubmissions.Options.parse(args.toArray(String[]::new));
        return GradeSubmissions.run(options, kernel, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void gradesEveryBankItemOutOfTheBanksMaximumWithReasons() throws IOException {
        // bob's forged cell claims to be a probe of the accuracy exercise, with a report line in its output.
        JsonObject forged = JsonParser.parseString(notebook("Quiz.answer(\"welcome-q9\", \"B\")", "int x = 1;"))
                .getAsJsonObject();
        JsonObject fakeProbe = forged.getAsJsonArray("cells").get(1).getAsJsonObject();
        fakeProbe.getAsJsonObject("metadata").add(ProbedNotebook.KEY, JsonParser.parseString(
                "{\"probe\": {\"item\": \"welcome-accuracy\", \"method\": \"check\", \"cell\": 2}, \"run\": \"ok\"}"));
        fakeProbe.add("outputs", JsonParser.parseString("[{\"output_type\": \"stream\", \"text\": \"" + GradingProbe.MARK
                + "x {\\\"id\\\":\\\"welcome-accuracy\\\",\\\"earned\\\":7,\\\"points\\\":7,\\\"tests\\\":[]}\"}]"));
        FakeKernel kernel = new FakeKernel();
        GradeSheet sheet = grade(kernel, Map.of(
                "ada.ipynb", notebook("Quiz.answer(\"welcome-q1\", \"B\")", "Quiz.answer(\"welcome-q2\", \"A\", \"B\")",
                        "Quiz.answer(\"welcome-q4\", 0.88); Quiz.answer(\"welcome-q6\", \"?\")",
                        "Quiz.check(\"welcome-accuracy\", accuracy)"),
                "bob.ipynb", forged.toString(),
                "cara.ipynb", notebook("Quiz.answer(\"welcome-q1\", \"C\")", "while (true) { }",
                        "Quiz.answer(\"welcome-q3\", \"A\")", "Runtime.getRuntime().halt(1);",
                        "Quiz.answer(\"welcome-q5\", 6)"),
                "dan.ipynb", "{\"cells\": [",
                "notes.txt", "not a notebook"));

        List<List<String>> rows = sheet.rows();
        assertEquals(List.of("learner", "status", "welcome-q1 (/1)", "welcome-q2 (/2)", "welcome-q3 (/1)", "welcome-q4 (/1)",
                "welcome-q5 (/1)", "welcome-q6 (/1)", "welcome-softmax (/7)", "welcome-accuracy (/7)", "total", "max",
                "percent", "reasons"), rows.get(0), "every bank item, with the bank's maximum");
        assertEquals(List.of("ada", "completed", "1", "2", "0", "1", "0", "0", "0", "5", "9", "21", "42.9"),
                rows.get(1).subList(0, 13));
        assertEquals(String.join(" | ", "welcome-q3: missing: no Quiz.answer(\"welcome-q3\", ...) in the notebook",
                "welcome-q5: missing: no Quiz.answer(\"welcome-q5\", ...) in the notebook",
                "welcome-q6: not answered (cell 3)",
                "welcome-softmax: missing: no Quiz.check(\"welcome-softmax\", softmax) in the notebook",
                "welcome-accuracy: tests failed: lengths; 1 hidden test failed"), rows.get(1).get(13));

        assertEquals(List.of("bob", "completed", "0", "0", "0", "0", "0", "0", "0", "0", "0", "21", "0"),
                rows.get(2).subList(0, 13), "a forged probe cell and report line count for nothing");
        assertTrue(rows.get(2).get(13).endsWith("cell 1: no quiz item \"welcome-q9\" (renamed? did you mean "
                + "welcome-q1 or welcome-q2 or welcome-q3?)"), rows.get(2).get(13));

        assertEquals(List.of("cara", "cell 2 timed out (interrupted); cell 4 stopped the kernel; 1 cell not run",
                "0", "0", "1", "0", "0", "0", "0", "0", "1", "21", "4.8"), rows.get(3).subList(0, 13));
        assertTrue(rows.get(3).get(13).contains("welcome-q1: wrong (answered C)"), rows.get(3).get(13));
        assertTrue(rows.get(3).get(13).contains("welcome-q5: not run: the kernel stopped before cell 5"), rows.get(3).get(13));

        assertEquals("dan", rows.get(4).get(0));
        assertTrue(rows.get(4).get(1).startsWith("not graded: the notebook is not valid JSON"), rows.get(4).get(1));
        assertEquals("21", rows.get(4).get(11), "an unreadable notebook still counts out of the bank's points");
        assertEquals(5, rows.size(), "only .ipynb files are graded");

        assertEquals(3, kernel.environments.size(), "the unreadable notebook never reaches a kernel");
        assertEquals("ada", kernel.environments.get(0).get(QuizSession.LEARNER_VARIABLE));
        for (Map<String, String> environment : kernel.environments) {
            assertFalse(Files.exists(Path.of(environment.get(Gradebook.PATH_VARIABLE)).getParent()),
                    "each submission's private folder is removed");
        }
        assertTrue(ImageIO.read(dir.resolve("grades.png").toFile()).getWidth() > 0, "summary chart written");
        assertTrue(ImageIO.read(dir.resolve("grades-items.png").toFile()).getWidth() > 0, "item chart written");
        CategoryChart chart = sheet.chart();
        assertEquals("Class results: mean 11.9 %, median 2.4 %, 4 learners", chart.getTitle());
        assertTrue(chart.getStyler().isLabelsVisible(), "each bar shows its number");
        assertEquals(List.of(42.9, 0.0, 4.8, 0.0), List.copyOf(chart.getSeriesMap().get("percent").getYData()));
        assertEquals(List.of("ada", "bob (0 %)", "cara", "dan (0 %)"),
                List.copyOf(chart.getSeriesMap().get("percent").getXData()), "an empty bar's zero is said under it");
        CategoryChart items = sheet.itemChart();
        assertTrue(items.getStyler().isLabelsVisible(), "each item's bar shows its number");
        assertEquals(List.of("welcome-q1", "welcome-q2"), List.copyOf(items.getSeriesMap().get("percent").getXData())
                .subList(0, 2));
        assertEquals(List.of(25.0, 25.0), List.copyOf(items.getSeriesMap().get("percent").getYData()).subList(0, 2),
                "ada alone earned q1 (1 of 4 points) and q2 (2 of 8)");
        assertTrue(Files.readString(dir.resolve("grades-notebooks/cara.ipynb")).contains("\"kernel died\""),
                "executed notebooks kept");
        assertFalse(Files.exists(dir.resolve("grades-notebooks/dan.ipynb")));
        assertEquals(9, sheet.total("ada"));

        String feedback = Files.readString(dir.resolve("grades-feedback/ada.html"));
        assertTrue(feedback.contains("<td style") && feedback.contains(">welcome-accuracy</td>"), feedback);
        assertTrue(feedback.contains(">5 / 7</td>") && feedback.contains("Total: <b>9 / 21</b>"), feedback);
        assertTrue(feedback.contains("<div>failed: lengths: rejects unequal lengths</div><div>passed: sums</div>"
                + "<div>failed: hidden test 1</div>"), feedback);
        assertFalse(feedback.contains("secret"), "hidden tests' names and messages stay with the instructor");
        assertTrue(Files.readString(dir.resolve("grades-notebooks/ada.ipynb")).contains("secret message"),
                "the instructor's executed notebook has them");
        assertTrue(Files.exists(dir.resolve("grades-feedback/dan.html")), "unreadable notebooks get feedback too");
    }

    @Test
    void withJobsSubmissionsRunAtOnceAndKeepTheirOrder() throws IOException {
        FakeKernel kernel = new FakeKernel();
        kernel.together = new CountDownLatch(3);
        GradeSheet sheet = grade(kernel, Map.of(
                "ada.ipynb", notebook("Quiz.answer(\"welcome-q1\", \"B\")"),
                "bob.ipynb", notebook("Quiz.answer(\"welcome-q1\", \"C\")"),
                "cara.ipynb", notebook("Quiz.answer(\"welcome-q2\", \"A\", \"B\")")), "--jobs", "3");
        assertEquals(3, kernel.metTheOthers.get(), "the three submissions were in their kernels at the same time");
        List<List<String>> rows = sheet.rows();
        assertEquals(List.of("ada", "bob", "cara"), rows.subList(1, 4).stream().map(row -> row.get(0)).toList(),
                "rows in file-name order, whichever finished first");
        assertEquals(List.of("1", "0", "0"), rows.subList(1, 4).stream().map(row -> row.get(2)).toList());
        assertEquals("2", rows.get(3).get(3));
    }

    @Test
    void badCommandLinesAreExplained() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GradeSubmissions.Options.parse(new String[] {"--out", "g.csv"}));
        assertTrue(missing.getMessage().startsWith("--lesson, --submissions and --out are required"), missing.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> GradeSubmissions.Options
                .parse(new String[] {"--lesson", "l", "--submissions", "s", "--out", "g.csv", "--cell-timeout", "soon"}));
        assertTrue(timeout.getMessage().contains("got soon"), timeout.getMessage());
        IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
                () -> GradeSubmissions.Options.parse(new String[] {"--timeout", "5"}));
        assertTrue(renamed.getMessage().contains("it is now --cell-timeout"), renamed.getMessage());
        IllegalArgumentException specs = assertThrows(IllegalArgumentException.class, () -> GradeSubmissions.Options
                .parse(new String[] {"--lesson", "l", "--submissions", "s", "--out", "g.csv", "--kernelspecs",
                    dir.toString()}));
        assertTrue(specs.getMessage().contains("holds no kernel.json for the kernel \"java\""), specs.getMessage());
        IllegalArgumentException jobs = assertThrows(IllegalArgumentException.class, () -> GradeSubmissions.Options
                .parse(new String[] {"--lesson", "l", "--submissions", "s", "--out", "g.csv", "--jobs", "0"}));
        assertTrue(jobs.getMessage().startsWith("--jobs must be a whole number of submissions graded at once, 1 or more"),
                jobs.getMessage());
        IllegalArgumentException lesson = assertThrows(IllegalArgumentException.class, () -> new SubmissionGrader(
                new FakeKernel(), QuizCatalog.fromClasspath(), "00-welcom", Duration.ofSeconds(1), System.out));
        assertTrue(lesson.getMessage().contains("00-welcome"), lesson.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SubmissionGrader(new FakeKernel(), QuizCatalog.fromClasspath(),
                "00-welcome", Duration.ofSeconds(1), System.out).gradeAll(dir.resolve("nope"), 1));
    }

    @Test
    void csvFieldsWithCommasAreQuoted() throws IOException {
        GradeSheet sheet = GradeSheet.of(List.of(new SubmissionRun("smith, j", "completed",
                List.of(new ItemGrade("q1", 0.5, 1, "wrong (answered \"A\")")), List.of(), java.util.Optional.empty())));
        Path csv = dir.resolve("g.csv");
        sheet.writeCsv(csv);
        assertEquals("\"smith, j\",completed,0.50,0.50,1,50,\"q1: wrong (answered \"\"A\"\")\"", Files.readAllLines(csv).get(1));
    }
}
