package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetSplitterTest {

    private static JShell shell;

    @BeforeAll
    static void openShell() {
        shell = JShell.create();
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void splitsStatementsDeclarationsAndTheFinalExpression() {
        String cell = "int x = 1;\nvoid hi() {\n  System.out.println(x);\n}\nx + 1";
        List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(shell.sourceCodeAnalysis(), cell);
        assertEquals(3, pieces.size());
        assertEquals("int x = 1;", pieces.get(0).source().strip());
        assertTrue(pieces.get(1).source().contains("void hi()"));
        assertEquals("x + 1", pieces.get(2).source().strip());
        assertEquals(cell.indexOf("x + 1"), pieces.get(2).offset() + leading(pieces.get(2).source()));
    }

    @Test
    void incompleteTailIsKeptWhole() {
        List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(shell.sourceCodeAnalysis(), "int y = 2; if (y > 1) {");
        assertEquals(2, pieces.size());
        assertFalse(pieces.get(1).complete());
    }

    @Test
    void blankCellHasNoSnippets() {
        assertTrue(SnippetSplitter.split(shell.sourceCodeAnalysis(), "  \n // just a comment\n").isEmpty());
    }

    @Test
    void pieceAtFindsTheSnippetUnderTheCursor() {
        List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(shell.sourceCodeAnalysis(), "int a = 1; a + 2");
        assertEquals(pieces.get(1), SnippetSplitter.pieceAt(pieces, 15));
        assertEquals(pieces.get(0), SnippetSplitter.pieceAt(pieces, 3));
    }

    private static int leading(String text) {
        return text.length() - text.stripLeading().length();
    }
}
