package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jft.quiz.bank.QuizCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every quiz id a lesson notebook names exists in the banks (a typo would only show up in a learner's cell). */
class NotebookQuizIdsTest {

    private static final QuizCatalog CATALOG = QuizCatalog.fromClasspath();

    /** Each call in the notebook whose id no bank holds, as "file: Quiz.method("id"): advice". */
    static List<String> unknownIds(String file, NotebookCells notebook, QuizCatalog catalog) {
        List<String> unknown = new ArrayList<>();
        for (String source : notebook.codeSources()) {
            for (QuizCalls.Call call : QuizCalls.in(source)) {
                Optional<String> id = call.id();
                if (id.isPresent() && catalog.question(id.get()).isEmpty() && catalog.exercise(id.get()).isEmpty()) {
                    List<String> nearest = catalog.nearestIds(id.get());
                    unknown.add(file + ": Quiz." + call.method() + "(\"" + id.get() + "\") names no bank item"
                            + (nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?"));
                }
            }
        }
        return unknown;
    }

    @Test
    void everyIdInTheLessonNotebooksIsInABank() throws IOException {
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                NotebookCells notebook = NotebookCells.parse(Files.readString(file));
                calls += notebook.codeSources().stream().mapToInt(source -> QuizCalls.in(source).size()).sum();
                unknown.addAll(unknownIds(file.getFileName().toString(), notebook, CATALOG));
            }
        }
        assertEquals(List.of(), unknown);
        assertFalse(calls < 20, "the notebooks' quiz calls were found (" + calls + ")");
    }

    @Test
    void anIdNoBankHoldsIsReportedWithTheNearestOnes() {
        NotebookCells notebook = NotebookCells.parse("""
                {"cells": [{"cell_type": "code", "source": ["Quiz.show(\\"welcome-q1\\")\\n",
                 "Quiz.answer(\\"welcome-q9\\", \\"B\\")"]}]}""");
        assertEquals(List.of("n.ipynb: Quiz.answer(\"welcome-q9\") names no bank item; did you mean welcome-q1 or "
                + "welcome-q2 or welcome-q3?"), unknownIds("n.ipynb", notebook, CATALOG));
    }
}
