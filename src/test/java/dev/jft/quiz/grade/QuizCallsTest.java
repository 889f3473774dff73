package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuizCallsTest {

    @Test
    void findsCallsWithTheirArgumentsSkippingCommentsAndStrings() {
        List<QuizCalls.Call> calls = QuizCalls.in("""
                // Quiz.answer("commented-out", "A")
                String s = "Quiz.answer(\\"in-a-string\\", 1)";
                Quiz.answer("welcome-q2", "A", "B")   // two letters, e.g. "A", "C"
                /* Quiz.check("block", x) */ Quiz.check("welcome-accuracy", wrap(accuracy, ")"));
                MyQuiz.answer("not-ours", 1); Quiz.answer(id, 0.5); Quiz.progress()""");
        assertEquals(List.of(
                new QuizCalls.Call("answer", Optional.of("welcome-q2"), "\"welcome-q2\", \"A\", \"B\"", "\"A\", \"B\""),
                new QuizCalls.Call("check", Optional.of("welcome-accuracy"), "\"welcome-accuracy\", wrap(accuracy, \")\")",
                        "wrap(accuracy, \")\")"),
                new QuizCalls.Call("answer", Optional.empty(), "id, 0.5", "0.5"),
                new QuizCalls.Call("progress", Optional.empty(), "", "")), calls);
    }

    @Test
    void notebooksThatAreNotNotebooksAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NotebookCells.parse("{\"cells\": ["))
                .getMessage().startsWith("not valid JSON"));
        assertEquals("not a Jupyter notebook: no \"cells\" list",
                assertThrows(IllegalArgumentException.class, () -> NotebookCells.parse("[1, 2]")).getMessage());
        assertEquals(List.of("a\nb", "c"), NotebookCells.parse("""
                {"cells": [{"cell_type": "code", "source": ["a\\n", "b"]}, {"cell_type": "markdown", "source": "m"},
                 {"cell_type": "code", "source": "c"}]}""").codeSources());
    }
}
