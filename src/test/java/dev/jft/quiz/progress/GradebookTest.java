package dev.jft.quiz.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {

    @TempDir
    Path dir;

    static GradebookEntry entry(String learner, String lesson, String item, double score, double max) {
        return new GradebookEntry("2026-11-23T10:00:00Z", learner, lesson, item, "question", score, max, "A");
    }

    @Test
    void appendsOneJsonLinePerAttemptAndReadsThemBack() throws IOException {
        Gradebook book = new Gradebook(dir.resolve("sub").resolve("book.jsonl"));
        assertEquals(List.of(), book.read(), "a missing file is an empty gradebook");
        book.append(entry("ada", "00", "q1", 1, 1));
        book.append(entry("ada", "00", "q2", 0, 2));
        assertEquals(2, Files.readAllLines(book.file()).size());
        assertEquals(List.of(entry("ada", "00", "q1", 1, 1), entry("ada", "00", "q2", 0, 2)), book.read());
    }

    @Test
    void aCorruptLineIsNamed() throws IOException {
        Path file = dir.resolve("book.jsonl");
        Files.writeString(file, "{\"item\":\"q1\",\"score\":1,\"max\":1}\nnot json\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Gradebook(file).read());
        assertTrue(error.getMessage().startsWith(file + ":2: not a gradebook entry"), error.getMessage());
    }

    @Test
    void pathComesFromTheEnvironmentOrTheHomeFolder() {
        assertEquals(Path.of("/tmp/g.jsonl"), Gradebook.pathFrom(Map.of("COURSE_GRADEBOOK", "/tmp/g.jsonl"), "/home/a"));
        assertEquals(Path.of("/home/a/.java-fine-tuning-course/gradebook.jsonl"), Gradebook.pathFrom(Map.of(), "/home/a"));
    }

    @Test
    void theLastAttemptCountsPerItemAndLessonTotalsAddUp() {
        Scores scores = Scores.of(List.of(entry("ada", "00", "q1", 0, 1), entry("ada", "00", "q1", 1, 1),
                entry("ada", "00", "q2", 1, 2), entry("ada", "01", "q9", 3, 4), entry("bob", "00", "q1", 0, 1)));
        assertEquals(List.of("ada", "bob"), scores.learners());
        assertEquals(Map.of("00", new Scores.Total(2, 3), "01", new Scores.Total(3, 4)), scores.byLesson("ada"));
        assertEquals(new Scores.Total(5, 7), scores.total("ada"));
        assertEquals(List.of("q1", "q2", "q9"), scores.items());
    }

    @Test
    void theBestAttemptCountsWhenAskedFor() {
        Scores scores = Scores.best(List.of(entry("ada", "00", "ex", 7, 7), entry("ada", "00", "ex", 1, 9),
                entry("ada", "00", "q1", 0, 1), entry("ada", "00", "q1", 1, 1)));
        assertEquals(new Scores.Total(8, 8), scores.total("ada"));
    }

    @Test
    void progressReportListsEveryLessonEvenUnattempted() {
        Scores scores = Scores.best(List.of(entry("ada", "00", "q1", 1, 1), entry("ada", "00", "q2", 1, 2)));
        ProgressReport report = ProgressReport.of(scores, "ada",
                Map.of("00", new ProgressReport.Lesson(8, 10), "01", new ProgressReport.Lesson(5, 6)));
        assertEquals(2, report.table().rowCount());
        assertEquals(2, report.table().intColumn("attempted").get(0));
        assertEquals(8, report.table().intColumn("items").get(0));
        assertEquals(10.0, report.table().doubleColumn("max").get(0));
        assertEquals(20.0, report.table().doubleColumn("percent").get(0), "2 of the lesson's 10 points");
        assertEquals(0, report.table().intColumn("attempted").get(1));
        assertEquals(1, report.chart().getSeriesMap().size());
        assertTrue(ProgressReport.of(Scores.best(List.of()), "bob", Map.of()).toString().startsWith("No attempts yet"));
    }
}
