package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A learner's edit of a lesson's Quiz.check cell is reported for review, never silently accepted or undone. */
class EditedCheckCellsTest {

    private static final String CHECK = "Quiz.check(\"welcome-softmax\", softmax)";

    private static NotebookCells notebook(String... codeCells) {
        JsonArray cells = new JsonArray();
        JsonObject heading = new JsonObject();
        heading.addProperty("cell_type", "markdown");
        heading.addProperty("source", "# A lesson");
        cells.add(heading);
        for (String source : codeCells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("source", source);
            cells.add(cell);
        }
        JsonObject notebook = new JsonObject();
        notebook.add("cells", cells);
        return NotebookCells.parse(notebook.toString());
    }

    private final NotebookCells lesson = notebook("Function<double[], double[]> softmax = x -> x;", CHECK,
            "Quiz.answer(\"welcome-q1\", \"?\")");

    @Test
    void theLearnersOwnCellsAndWhitespaceAreNotEdits() {
        NotebookCells honest = notebook("Function<double[], double[]> softmax = x -> { return x; };",
                "Quiz.check( \"welcome-softmax\",\n    softmax )", "Quiz.answer(\"welcome-q1\", \"B\")");
        assertEquals(List.of(), EditedCheckCells.notes(lesson, honest));
    }

    @Test
    void anEditedCheckCellIsReportedWithItsCellNumberAndCode() {
        NotebookCells edited = notebook("Function<double[], double[]> mine = x -> x;",
                "var softmax = dev.jft.Solutions.softmax();\n" + CHECK, "Quiz.answer(\"welcome-q1\", \"B\")");
        List<String> notes = EditedCheckCells.notes(lesson, edited);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("cell 3: the lesson's check cell for \"welcome-softmax\" was edited"), notes.get(0));
        assertTrue(notes.get(0).contains("dev.jft.Solutions.softmax()"), notes.get(0));
    }

    @Test
    void everyLessonNotebookAgreesWithItself() throws Exception {
        try (var files = Files.list(Path.of("notebooks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                NotebookCells cells = NotebookCells.parse(Files.readString(file));
                assertEquals(List.of(), EditedCheckCells.notes(cells, cells), file.toString());
            }
        }
    }
}
