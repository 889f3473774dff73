package dev.jft.quiz.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.course.Json;
import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.ExerciseRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a learner release holds, file by file: everything a learner needs, nothing of the instructor's. */
class LearnerReleaseContentTest {

    private static final QuizCatalog INSTRUCTOR = QuizCatalog.fromClasspath();

    @Test
    void noFileHoldsAnExplanationKeyHiddenTestOrSolution() throws IOException {
        ReleaseSecrets secrets = ReleaseSecrets.of(INSTRUCTOR, ReleaseFixture.COURSE);
        assertTrue(secrets.distinctiveKeys().size() >= 10, "too few keys to look for: " + secrets.distinctiveKeys());
        assertTrue(secrets.hiddenClasses().size() >= 10, secrets.hiddenClasses()::toString);
        List<String> hits = secrets.scan(ReleaseFixture.release());
        assertEquals(List.of(), hits, "secrets in the learner release");
        // The scan is not blind: the instructor's banks and hidden tests hold every kind of secret it looks for.
        assertFalse(secrets.scan(ReleaseFixture.COURSE.resolve("quizzes")).isEmpty());
        assertFalse(secrets.scan(ReleaseFixture.COURSE.resolve("src/main/java/dev/jft/quiz/exercises")).isEmpty());
        assertEquals(secrets.hiddenClasses(), ReleaseFixture.summary().hiddenClassesLeftOut());
    }

    @Test
    void holdsTheCourseButNoTestsSolutionsOrTestScripts() throws IOException {
        Path release = ReleaseFixture.release();
        for (String needed : List.of("course", "pom.xml", "README.md", "binder/Dockerfile", "datasets/README.md",
                "notebooks/00-welcome.ipynb", "src/main/java/dev/jft/quiz/Quiz.java",
                "src/main/java/dev/jft/quiz/exercises/welcome/SoftmaxTest.java", "quizzes/00-welcome/questions.json")) {
            assertTrue(Files.isRegularFile(release.resolve(needed)), needed);
        }
        assertTrue(Files.isExecutable(release.resolve("course")), "the course script stays executable");
        for (String absent : List.of("src/test", "scripts", "quizzes/README.md", "target", ".cache")) {
            assertFalse(Files.exists(release.resolve(absent)), absent);
        }
        try (Stream<Path> files = Files.walk(release)) {
            List<String> hidden = files.map(release::relativize).map(Path::toString)
                    .filter(name -> name.matches(".*HiddenTest(\\$.*)?\\.(java|class)") || name.contains("/solutions")).toList();
            assertEquals(List.of(), hidden);
        }
    }

    @Test
    void banksKeepPromptsAndOptionsAndSealTheRest() throws IOException {
        QuizCatalog learner = ReleaseFixture.releaseCatalog();
        assertEquals(INSTRUCTOR.ids(), learner.ids(), "same items, same order: notebooks name the same ids");
        for (QuizBank bank : learner.banks()) {
            for (Question question : bank.questions()) {
                Question original = INSTRUCTOR.question(question.id()).orElseThrow();
                assertTrue(question.sealed().isPresent(), question.id());
                assertEquals(original.prompt(), question.prompt());
                assertEquals(original.points(), question.points());
                assertEquals(original.options().stream().map(o -> o.id() + o.text()).toList(),
                        question.options().stream().map(o -> o.id() + o.text()).toList());
                assertTrue(question.correctOptions().isEmpty() && question.acceptedAnswers().isEmpty()
                        && Double.isNaN(question.numericAnswer()) && question.explanation().isEmpty()
                        && question.options().stream().allMatch(o -> o.explanation().isEmpty()), question.id());
            }
            for (Exercise exercise : bank.exercises()) {
                Exercise original = INSTRUCTOR.exercise(exercise.id()).orElseThrow();
                HiddenTests hidden = HiddenTests.of(original);
                assertEquals(hidden.visible(), exercise.testClasses(), exercise.id());
                assertEquals(hidden.tests(), exercise.withheldTests(), exercise.id());
                assertTrue(exercise.withheldTests() > 0, exercise.id() + " has hidden tests in the instructor's bank");
                assertEquals(ExerciseRunner.maxPoints(original), ExerciseRunner.maxPoints(exercise),
                        exercise.id() + ": the learner's progress counts the hidden tests' points too");
                assertEquals(original.stub(), exercise.stub());
            }
        }
        List<String> keyFields = new ArrayList<>();
        try (Stream<Path> banks = Files.walk(ReleaseFixture.release().resolve("quizzes"))) {
            for (Path bank : banks.filter(Files::isRegularFile).toList()) {
                collectFields(Json.parse(Files.readString(bank)), "answer|explanation|tolerance", bank + ":", keyFields);
            }
        }
        assertEquals(List.of(), keyFields, "key fields in the release's banks");
    }

    @Test
    void notebooksAreTheInstructorsSoSubmissionsGradeAlike() throws IOException {
        try (Stream<Path> notebooks = Files.list(ReleaseFixture.COURSE.resolve("notebooks"))) {
            for (Path notebook : notebooks.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                // Committed without outputs, they are copied byte for byte: the grader sees the same cells and calls.
                assertEquals(Files.readString(notebook),
                        Files.readString(ReleaseFixture.release().resolve("notebooks").resolve(notebook.getFileName())),
                        notebook.toString());
            }
        }
    }

    @Test
    void outputsAreClearedFromANotebookThatHasThem() {
        String withOutputs = """
                {"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "Quiz.answer(\\"q\\", \\"B\\")",
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "welcome-q1: correct"}]},
                  {"cell_type": "markdown", "metadata": {}, "source": "# Title"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";
        JsonObject cleared = Json.parse(LearnerRelease.withoutOutputs(withOutputs)).getAsJsonObject();
        JsonObject code = cleared.getAsJsonArray("cells").get(0).getAsJsonObject();
        assertEquals(0, code.getAsJsonArray("outputs").size());
        assertTrue(code.get("execution_count").isJsonNull());
        assertEquals("Quiz.answer(\"q\", \"B\")", code.get("source").getAsString());
        assertFalse(LearnerRelease.withoutOutputs(withOutputs).contains("correct"));
        String clean = "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {},"
                + " \"source\": \"1\", \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        assertEquals(clean, LearnerRelease.withoutOutputs(clean), "a clean notebook is copied as it is");
    }

    @Test
    void refusesAFolderInUseAndALearnerEditionAsSource(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("old.txt"), "an older release");
        IllegalArgumentException notEmpty = assertThrows(IllegalArgumentException.class,
                () -> LearnerRelease.write(ReleaseFixture.COURSE, dir));
        assertTrue(notEmpty.getMessage().contains("is not empty"), notEmpty.getMessage());
        IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
                () -> LearnerRelease.write(ReleaseFixture.COURSE, ReleaseFixture.COURSE.resolve("notebooks/out")));
        assertTrue(inside.getMessage().contains("inside notebooks/"), inside.getMessage());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> LearnerRelease.write(ReleaseFixture.release(), dir.resolve("again")));
        assertTrue(again.getMessage().contains("is a learner edition"), again.getMessage());
    }

    /** Every {@code where: field} of the JSON whose name matches {@code names}, at any depth. */
    private static void collectFields(JsonElement json, String names, String where, List<String> found) {
        if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> field : json.getAsJsonObject().entrySet()) {
                if (field.getKey().matches(names)) {
                    found.add(where + " " + field.getKey());
                }
                collectFields(field.getValue(), names, where, found);
            }
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(element -> collectFields(element, names, where, found));
        }
    }
}
