package dev.jft.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.jft.course.CodeCellNotebook;
import dev.jft.course.InstalledKernelspec;
import dev.jft.kernel.KernelspecInstaller;
import dev.jft.quiz.bank.AttemptPolicy;
import dev.jft.quiz.bank.Problem;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.CheckResult;
import dev.jft.quiz.grade.NbclientExecutor;
import dev.jft.quiz.grade.NotebookExecutor;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.release.HiddenTests;
import dev.jft.quiz.release.LearnerBank;
import dev.jft.quiz.solutions.WelcomeSolutions;
import dev.jft.viz.RichOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Practice and assessed items, as a learner's quiz cells meet them, in both editions of a bank. */
class AttemptPolicyTest {

    private static final Instant DEADLINE = Instant.parse("2027-01-15T23:59:00Z");
    private static final Clock BEFORE = Clock.fixed(DEADLINE.minusSeconds(3600), ZoneOffset.UTC);
    private static final Clock AFTER = Clock.fixed(DEADLINE.plusSeconds(60), ZoneOffset.UTC);

    /** An assessed lesson (2 attempts) with one practice question and an exercise of 1 attempt. */
    private static final String BANK = """
            {
              "lesson": "09-policy",
              "title": "Policies",
              "policy": {"mode": "assessed", "attempts": 2, "deadline": "2027-01-15T23:59:00Z"},
              "questions": [
                {"id": "policy-q1", "kind": "multiple-choice", "prompt": "Pick the second",
                 "options": [{"id": "A", "text": "first", "explanation": "A is first."},
                             {"id": "B", "text": "second", "explanation": "B is second."}],
                 "answer": "B"},
                {"id": "policy-q2", "kind": "numeric", "prompt": "Two?", "answer": 2, "tolerance": 0.1,
                 "explanation": "One plus one.", "policy": {"mode": "practice"}}
              ],
              "exercises": [
                {"id": "policy-softmax", "title": "Softmax", "statement": "Write softmax.",
                 "stub": "Function<double[], double[]> softmax = logits -> null;", "submit": "softmax",
                 "expects": "java.util.function.Function", "tests": ["dev.jft.quiz.exercises.welcome.SoftmaxTest"],
                 "policy": {"mode": "assessed", "attempts": 1, "deadline": "2027-01-15T23:59:00+00:00"}}
              ]
            }
            """;

    @TempDir
    Path dir;

    private static QuizCatalog catalog(String json) {
        QuizCatalog.Checked checked = QuizCatalog.check(Map.of("09-policy/questions.json", json));
        assertEquals(List.of(), checked.problems());
        return checked.catalog();
    }

    private QuizSession session(QuizCatalog catalog, String learner, Clock clock) {
        return new QuizSession(catalog, new Gradebook(dir.resolve("book.jsonl")), learner, clock);
    }

    private static String text(RichOutput output) {
        return output.mimeBundle().get("text/plain");
    }

    @Test
    void theBankSaysEachItemsPolicyAndItemsInheritTheLessons() {
        QuizCatalog catalog = catalog(BANK);
        assertEquals(AttemptPolicy.assessed(2, DEADLINE), catalog.policy("policy-q1"));
        assertEquals(AttemptPolicy.practice(), catalog.policy("policy-q2"));
        assertEquals(AttemptPolicy.assessed(1, DEADLINE), catalog.policy("policy-softmax"));
        assertEquals(AttemptPolicy.practice(), QuizCatalog.fromClasspath().policy("welcome-q1"),
                "a bank without a policy is practice");
    }

    @Test
    void assessedBeforeTheDeadlineCountsAttemptsAndShowsOnlyTheVerdict() {
        QuizSession ada = session(catalog(BANK), "ada", BEFORE);
        String shown = text(ada.show("policy-q1"));
        assertTrue(shown.contains("Assessed: 2 attempts before 2027-01-15 23:59 UTC"), shown);

        String first = text(ada.answer("policy-q1", List.of("A")));
        assertTrue(first.startsWith("policy-q1: not quite, 0/1 points (your answer: A)"), first);
        assertFalse(first.contains("A is first") || first.contains("B is second") || first.contains("correct)"),
                "no option is marked and nothing explained before the deadline: " + first);
        assertTrue(first.contains("Assessed: attempt 1 of 2 before 2027-01-15 23:59 UTC"), first);

        String second = text(ada.answer("policy-q1", List.of("B")));
        assertTrue(second.startsWith("policy-q1: correct, 1/1 points"), second);
        assertFalse(second.contains("B is second"), second);
        assertTrue(second.contains("attempt 2 of 2"), second);

        String third = text(ada.answer("policy-q1", List.of("A")));
        assertTrue(third.startsWith("You have used your 2 attempts at policy-q1"), third);
        assertTrue(third.contains("not checked or recorded"), third);
        assertEquals(2, new Gradebook(dir.resolve("book.jsonl")).read().size(), "the refused attempt is not recorded");
    }

    @Test
    void answersOfTheWrongShapeAndOtherLearnersDoNotCount() {
        QuizCatalog catalog = catalog(BANK);
        QuizSession ada = session(catalog, "ada", BEFORE);
        String wrongShape = text(ada.answer("policy-q1", List.of("A", "B")));
        assertFalse(wrongShape.contains("attempt 1"), wrongShape);
        QuizSession bob = session(catalog, "bob", BEFORE);
        bob.answer("policy-q1", List.of("A"));
        bob.answer("policy-q1", List.of("A"));
        String adasFirst = text(ada.answer("policy-q1", List.of("B")));
        assertTrue(adasFirst.contains("attempt 1 of 2"), "bob's attempts are his own: " + adasFirst);
    }

    @Test
    void afterTheDeadlineAnswersAreShownAndAttemptsAreFree() {
        QuizSession ada = session(catalog(BANK), "ada", AFTER);
        for (int i = 0; i < 3; i++) {
            String feedback = text(ada.answer("policy-q1", List.of("A")));
            assertTrue(feedback.contains("B is second") && feedback.contains("(correct)"), feedback);
            assertTrue(feedback.contains("Assessed until 2027-01-15 23:59 UTC, which has passed"), feedback);
        }
    }

    @Test
    void aPracticeItemInAnAssessedLessonShowsItsAnswerEveryTime() {
        QuizSession ada = session(catalog(BANK), "ada", BEFORE);
        for (int i = 0; i < 3; i++) {
            String feedback = text(ada.answer("policy-q2", 3));
            assertTrue(feedback.contains("One plus one."), feedback);
            assertTrue(feedback.contains("Practice: answer as often as you like"), feedback);
        }
        String placeholder = text(ada.answer("policy-q2", List.of("?")));
        assertTrue(placeholder.contains("Practice: answer as often as you like"), placeholder);
    }

    @Test
    void anAssessedExerciseRunsItsTestsOnlyAsOftenAsAllowed() {
        QuizSession ada = session(catalog(BANK), "ada", BEFORE);
        RichOutput first = ada.check("policy-softmax", WelcomeSolutions.SOFTMAX);
        assertTrue(first instanceof CheckResult, text(first));
        assertTrue(text(first).contains("Assessed: attempt 1 of 1"), text(first));
        String second = text(ada.check("policy-softmax", WelcomeSolutions.SOFTMAX));
        assertTrue(second.startsWith("You have used your 1 attempt at policy-softmax"), second);
    }

    @Test
    void anUnreadableGradebookIsExplainedWhenAttemptsMustBeCounted() throws IOException {
        Files.writeString(dir.resolve("book.jsonl"), "junk\n");
        String feedback = text(session(catalog(BANK), "ada", BEFORE).answer("policy-q1", List.of("B")));
        assertTrue(feedback.startsWith("policy-q1 is assessed, with a limited number of attempts"), feedback);
        assertTrue(feedback.contains("book.jsonl:1"), feedback);
        String practice = text(session(catalog(BANK), "ada", BEFORE).answer("policy-q2", 2));
        assertTrue(practice.contains("correct"), "practice reads no gradebook: " + practice);
    }

    @Test
    void theLearnerReleaseKeepsThePolicyAndStillWithholdsExplanations() {
        String withoutExercise = BANK.substring(0, BANK.indexOf(",\n  \"exercises\"")) + "\n}\n";
        QuizCatalog instructor = catalog(withoutExercise);
        String learnerJson = LearnerBank.of(withoutExercise, instructor, new HashMap<String, HiddenTests>(), 10);
        QuizCatalog learner = catalog(learnerJson);
        assertEquals(AttemptPolicy.assessed(2, DEADLINE), learner.policy("policy-q1"));
        assertEquals(AttemptPolicy.practice(), learner.policy("policy-q2"));
        QuizSession ada = session(learner, "ada", BEFORE);
        String right = text(ada.answer("policy-q1", List.of("B")));
        assertTrue(right.startsWith("policy-q1: correct"), right);
        assertFalse(right.contains("B is second"), "a sealed right answer opens no explanation before the deadline");
        String wrong = text(ada.answer("policy-q1", List.of("A")));
        assertTrue(wrong.contains("The explanations open after the deadline"), wrong);
        assertTrue(text(ada.answer("policy-q1", List.of("B"))).startsWith("You have used your 2 attempts"));
        String after = text(session(learner, "cara", AFTER).answer("policy-q1", List.of("B")));
        assertTrue(after.contains("B is second"), "after the deadline a right answer opens them: " + after);
    }

    /**
     * Through Jupyter and the course kernel, with an assessed bank put first on the kernel's class path:
     * the cells say the policy and refuse the third attempt, as a learner sees it.
     */
    @Test
    void throughJupyterAnAssessedQuestionTakesItsAttemptsThenRefuses() throws Exception {
        InstalledKernelspec.assumeInstalled();
        Path extra = dir.resolve("extra-bank");
        Files.createDirectories(extra.resolve("quizzes/09-policy"));
        String future = BANK.replace("2027-01-15T23:59:00Z", "2999-01-01T00:00:00Z")
                .replace("2027-01-15T23:59:00+00:00", "2999-01-01T00:00:00Z");
        Files.writeString(extra.resolve("quizzes/09-policy/questions.json"), future);
        KernelspecInstaller.main(InstalledKernelspec.installerArguments(dir.resolve("specs/kernels"), extra.toString())
                .toArray(String[]::new));
        Path folder = Files.createDirectories(dir.resolve("run"));
        Files.writeString(folder.resolve("cells.ipynb"), CodeCellNotebook.of("import dev.jft.quiz.*;",
                "Quiz.show(\"policy-q1\")", "Quiz.answer(\"policy-q1\", \"A\")", "Quiz.answer(\"policy-q1\", \"B\")",
                "Quiz.answer(\"policy-q1\", \"B\")"));

        NotebookExecutor.Outcome outcome = new NbclientExecutor("/usr/bin/python3", "java", Optional.of(dir.resolve("specs")))
                .execute(folder.resolve("cells.ipynb"), folder.resolve("executed.ipynb"),
                        Map.of(Gradebook.PATH_VARIABLE, dir.resolve("jupyter-book.jsonl").toString(),
                                QuizSession.LEARNER_VARIABLE, "ada"), Duration.ofSeconds(60), Duration.ofMinutes(4));
        assertEquals(NotebookExecutor.Status.FINISHED, outcome.status(), outcome.log());
        JsonArray cells = JsonParser.parseString(Files.readString(folder.resolve("executed.ipynb"))).getAsJsonObject()
                .getAsJsonArray("cells");
        List<String> outputs = new ArrayList<>();
        cells.forEach(cell -> outputs.add(cell.getAsJsonObject().get("outputs").toString()));
        assertTrue(outputs.get(1).contains("Assessed: 2 attempts before 2999-01-01 00:00 UTC"), outputs.get(1));
        assertTrue(outputs.get(2).contains("not quite") && outputs.get(2).contains("attempt 1 of 2")
                && !outputs.get(2).contains("B is second"), outputs.get(2));
        assertTrue(outputs.get(3).contains("policy-q1: correct") && outputs.get(3).contains("attempt 2 of 2"),
                outputs.get(3));
        assertTrue(outputs.get(4).contains("You have used your 2 attempts at policy-q1"), outputs.get(4));
        assertEquals(2, new Gradebook(dir.resolve("jupyter-book.jsonl")).read().size());
    }

    @Test
    void brokenPoliciesAreNamedWithTheirLine() {
        Map<String, String> broken = Map.of(
                "\"policy\": {\"mode\": \"exam\"}", "unknown mode \"exam\"; use practice or assessed",
                "\"policy\": {\"mode\": \"assessed\", \"attempts\": 2}", "missing \"deadline\"",
                "\"policy\": {\"mode\": \"assessed\", \"attempts\": 0, \"deadline\": \"2027-01-15T23:59:00Z\"}",
                "\"attempts\" must be a whole number above 0",
                "\"policy\": {\"mode\": \"assessed\", \"attempts\": 1, \"deadline\": \"15 Jan 2027\"}",
                "must be a date and time with its offset from UTC",
                "\"policy\": {\"mode\": \"practice\", \"attempts\": 3}", "practice allows any number of attempts",
                "\"policy\": \"assessed\"", "\"policy\" must be {\"mode\": \"practice\"}");
        for (Map.Entry<String, String> policy : broken.entrySet()) {
            String json = BANK.replace("\"policy\": {\"mode\": \"assessed\", \"attempts\": 2, \"deadline\":"
                    + " \"2027-01-15T23:59:00Z\"}", policy.getKey());
            List<Problem> problems = QuizCatalog.check(Map.of("09-policy/questions.json", json)).problems();
            assertTrue(problems.stream().anyMatch(p -> p.toString().contains(policy.getValue())
                    && p.toString().startsWith("09-policy/questions.json:4")), policy.getKey() + " -> " + problems);
        }
    }
}
