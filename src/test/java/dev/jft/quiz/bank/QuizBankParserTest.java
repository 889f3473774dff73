package dev.jft.quiz.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizBankParserTest {

    private static final String VALID = """
            {
              "lesson": "01-x",
              "title": "X",
              "questions": [
                {
                  "id": "x-q1",
                  "kind": "multiple-choice",
                  "prompt": "Pick",
                  "options": [
                    {"id": "A", "text": "a", "explanation": "because a"},
                    {"id": "B", "text": "b", "explanation": "because b"}
                  ],
                  "answer": "A"
                }
              ]
            }
            """;

    private static List<String> problems(String json) {
        return QuizCatalog.check(Map.of("bank.json", json)).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aValidBankHasNoProblems() {
        QuizCatalog.Checked checked = QuizCatalog.check(Map.of("bank.json", VALID));
        assertEquals(List.of(), checked.problems());
        Question question = checked.catalog().question("x-q1").orElseThrow();
        assertEquals("01-x", question.lesson());
        assertEquals(List.of("A"), question.correctOptions());
        assertEquals(1, question.points());
    }

    @Test
    void aKeyNotAmongTheOptionsIsNamedWithItsLine() {
        assertEquals(List.of("bank.json:13: question x-q1: keyed answer C is not among the options [A, B]"),
                problems(VALID.replace("\"answer\": \"A\"", "\"answer\": \"C\"")));
    }

    @Test
    void aMissingExplanationIsNamedWithTheOptionsLine() {
        assertEquals(List.of("bank.json:11: question x-q1: option B has no explanation"),
                problems(VALID.replace(", \"explanation\": \"because b\"", "")));
    }

    @Test
    void duplicateIdsAcrossFilesNameBothPlaces() {
        List<Problem> problems = QuizCatalog.check(Map.of("a.json", VALID, "b.json", VALID)).problems();
        assertEquals(List.of(new Problem("b.json", 6, "duplicate id x-q1 (first used at a.json:6)")), problems);
    }

    @Test
    void brokenJsonAndUnknownKindsAreExplained() {
        String broken = problems(VALID.replace("\"prompt\": \"Pick\",", "\"prompt\": \"Pick\"")).get(0);
        assertTrue(broken.startsWith("bank.json:9: not valid JSON"), broken);
        assertEquals(List.of("bank.json:7: question x-q1: unknown kind \"choice\"; use multiple-choice, "
                + "multiple-select, numeric or short-answer"), problems(VALID.replace("multiple-choice", "choice")));
    }

    @Test
    void numericQuestionsNeedANumberAndAnExplanation() {
        String numeric = """
                {"lesson": "l", "title": "t", "questions": [
                  {"id": "n1", "kind": "numeric", "prompt": "p", "answer": "three"}
                ]}""";
        assertEquals(List.of("bank.json:2: question n1: \"answer\" must be a number",
                "bank.json:2: question n1 has no \"explanation\" (shown after answering)"), problems(numeric));
    }

    @Test
    void exercisesMustNameTestClassesOnTheClasspath() {
        String exercise = """
                {"lesson": "l", "title": "t", "questions": [], "exercises": [
                  {"id": "e1", "title": "t", "statement": "s", "stub": "int x = 0;", "submit": "x",
                   "expects": "java.util.function.Function", "tests": ["no.such.Test"]}
                ]}""";
        assertEquals(List.of("bank.json:3: exercise e1: test class no.such.Test is not on the classpath"),
                problems(exercise));
    }

    @Test
    void theValidatorReportsEveryProblemInAFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("01-x"));
        Files.writeString(dir.resolve("01-x").resolve("questions.json"), VALID.replace("\"answer\": \"A\"", "\"answer\": \"Z\""));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Problem> problems = QuizBankValidator.validate(dir, new PrintStream(log, true));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).file().endsWith("questions.json"));
        assertTrue(log.toString().contains("1 files, 1 ids, 1 problems"), log.toString());
    }

    @Test
    void theCourseBanksAreValid() throws IOException {
        assertEquals(List.of(), QuizBankValidator.validate(Path.of("quizzes"), new PrintStream(new ByteArrayOutputStream())));
        assertNotNull(QuizCatalog.fromClasspath().exercise("welcome-softmax").orElse(null), "banks are on the classpath");
    }
}
