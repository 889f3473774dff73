package dev.jft.quiz.grade;

import com.google.gson.Gson;
import dev.jft.course.Json;
import dev.jft.quiz.QuizMessage;
import dev.jft.quiz.QuizSession;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.CheckResult;
import dev.jft.quiz.check.TestOutcome;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.viz.RichOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader injects after a learner's quiz cell, called by its full name so that a class
 * {@code Quiz} defined in the notebook changes nothing: it re-evaluates the learner's answer, or runs
 * the exercise's tests (visible and hidden) on the learner's code, and prints one line the grader
 * reads back from the cell's output, marked with a token only the injected cell knows. Nothing goes
 * to a gradebook: answers are graded by the grader itself, from the instructor's bank.
 *
 * <pre>{@code
 * dev.jft.quiz.grade.GradingProbe.answer("3f2a...", "welcome-q2", "A", "B");
 * dev.jft.quiz.grade.GradingProbe.check("3f2a...", "welcome-accuracy", accuracy);
 * }</pre>
 */
public final class GradingProbe {

    /** Each probe line starts with this, then the token, a space and one JSON object. */
    public static final String MARK = "JFT-GRADE ";

    private static final Gson GSON = Json.builder().serializeNulls().disableHtmlEscaping().create();

    private GradingProbe() {}

    /** Reports the values a {@code Quiz.answer} call passed: strings, or one number. */
    public static void answer(String token, String id, Object... values) {
        List<Object> reported = new ArrayList<>();
        for (Object value : values == null ? new Object[] {null} : values) {
            reported.add(value instanceof Number || value == null ? value : String.valueOf(value));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("values", reported);
        print(token, line);
    }

    /** Runs the exercise's tests on {@code implementation} and reports every outcome. */
    public static void check(String token, String id, Object implementation) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        Path scratch = null;
        try {
            // Quiz.check's own path (type checks, advice), with its gradebook write sent to a scratch file.
            scratch = Files.createTempFile("grading-probe-", ".jsonl");
            RichOutput output = new QuizSession(QuizCatalog.fromClasspath(), new Gradebook(scratch), "grader")
                    .check(id, implementation);
            if (output instanceof CheckResult result) {
                line.put("earned", result.earned());
                line.put("points", result.points());
                List<Map<String, Object>> tests = new ArrayList<>();
                for (TestOutcome outcome : result.outcomes()) {
                    tests.add(Map.of("name", outcome.name(), "passed", outcome.passed(), "hidden", outcome.hidden(),
                            "message", outcome.message(), "earned", outcome.earned(), "points", outcome.points()));
                }
                line.put("tests", tests);
            } else {
                line.put("error", output instanceof QuizMessage message ? message.text() : String.valueOf(output));
            }
        } catch (IOException e) {
            line.put("error", "the grader could not make a scratch file: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
        print(token, line);
    }

    private static void print(String token, Map<String, Object> line) {
        System.out.println(MARK + token + " " + GSON.toJson(line));
        System.out.flush();
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probe call for a learner's call, e.g. {@code Quiz.answer("q", "B")} -> {@code ...answer("T", "q", "B");}. */
    static String callFor(QuizCalls.Call call, String token) {
        String method = call.method().equals("check") ? "check" : "answer";
        String rest = call.rest().isEmpty() ? (method.equals("check") ? ", null" : "") : ", " + call.rest();
        return GradingProbe.class.getName() + "." + method + "(\"" + token + "\", \"" + call.id().orElseThrow() + "\""
                + rest + ");";
    }
}
