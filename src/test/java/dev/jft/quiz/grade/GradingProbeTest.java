package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** What the injected cells print, run here in the test JVM instead of a kernel. */
class GradingProbeTest {

    private static JsonObject printed(Runnable probe) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            probe.run();
        } finally {
            System.setOut(original);
        }
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith(GradingProbe.MARK + "tok "), line);
        return JsonParser.parseString(line.substring((GradingProbe.MARK + "tok ").length())).getAsJsonObject();
    }

    @Test
    void answersAreReportedAsGivenForTheGraderToGrade() {
        assertEquals("{\"id\":\"welcome-q2\",\"values\":[\"A\",\"B\"]}",
                printed(() -> GradingProbe.answer("tok", "welcome-q2", "A", "B")).toString());
        assertEquals("{\"id\":\"welcome-q4\",\"values\":[0.88]}",
                printed(() -> GradingProbe.answer("tok", "welcome-q4", 0.88)).toString());
    }

    @Test
    void checksRunEveryTestOnTheLearnersCode() {
        ToDoubleBiFunction<int[], int[]> halfRight = (predictions, labels) -> 0.5;
        JsonObject report = printed(() -> GradingProbe.check("tok", "welcome-accuracy", halfRight));
        assertEquals(7, report.get("points").getAsInt());
        assertEquals(2, report.get("earned").getAsInt(), report.toString());
        assertEquals(6, report.getAsJsonArray("tests").size(), "visible and hidden tests");
        JsonObject wrongType = printed(() -> GradingProbe.check("tok", "welcome-accuracy", "not a function"));
        assertTrue(wrongType.get("error").getAsString().contains("needs a java.util.function.ToDoubleBiFunction"),
                wrongType.toString());
    }

    @Test
    void theProbeCallRepeatsTheLearnersArguments() {
        assertEquals("dev.jft.quiz.grade.GradingProbe.check(\"tok\", \"welcome-accuracy\", accuracy);", GradingProbe.callFor(
                new QuizCalls.Call("check", Optional.of("welcome-accuracy"), "", "accuracy"), "tok"));
        assertEquals("dev.jft.quiz.grade.GradingProbe.answer(\"tok\", \"welcome-q1\");", GradingProbe.callFor(
                new QuizCalls.Call("answer", Optional.of("welcome-q1"), "", ""), "tok"));
    }
}
