package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames of learner code, placed by cell and line through a real JShell. */
class CellLocationsTest {

    private final CellLocations locations = new CellLocations();
    private JShell shell;
    private SnippetRunner runner;

    @BeforeEach
    void startJShell() {
        ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(-1);
        shell = JShell.builder().executionEngine(control.provider(), Map.of()).build();
        runner = new SnippetRunner(shell, control, note -> { }, locations);
    }

    @AfterEach
    void closeJShell() {
        shell.close();
    }

    @Test
    void aClassMethodCalledFromALaterCellIsPlacedInTheCellThatDeclaredIt() throws CellError {
        locations.enterCell(3);
        runner.run("int unrelated = 1;\n\nclass Counter {\n    int n;\n    void add(int by) {\n        n = n / by;\n    }\n}");
        locations.enterCell(4);
        List<String> traceback = failure("Counter c = new Counter();\nc.add(0)", 0);
        assertEquals("    at Counter.add (In [3], line 6): n = n / by;", traceback.get(1));
        assertEquals("    at cell code (In [4], line 2): c.add(0)", traceback.get(2));
    }

    @Test
    void anExpressionSpreadOverLinesAfterBlankLinesIsPlacedOnItsOwnLine() {
        locations.enterCell(7);
        List<String> traceback = failure("int zero = 0;\n\n\nMath.max(1,\n    2) / zero", 2);
        assertEquals("    at cell code (In [7], line 6): Math.max(1,", traceback.get(1),
                "the expression starts 2 magic lines + 3 lines into the cell");
    }

    @Test
    void aRedefinedMethodIsPlacedInTheCellThatRedefinedIt() throws CellError {
        locations.enterCell(3);
        runner.run("int f(int x) {\n    return 1 / x;\n}");
        locations.enterCell(4);
        runner.run("int f(int x) {\n    int y = x;\n    return 1 / y;\n}");   // JShell names it $JShell$..B
        locations.enterCell(5);
        List<String> traceback = failure("f(0)", 0);
        assertEquals("    at f (In [4], line 3): return 1 / y;", traceback.get(1));
    }

    @Test
    void aMethodRecompiledBecauseItsDependencyChangedKeepsItsCell() throws CellError {
        locations.enterCell(3);
        runner.run("int zero = 0;");
        locations.enterCell(4);
        runner.run("int g() {\n    return (int) (1 / zero);\n}");
        locations.enterCell(5);
        runner.run("long zero = 0;");   // g is compiled again, against the new zero
        locations.enterCell(6);
        List<String> traceback = failure("g()", 0);
        assertEquals("    at g (In [4], line 2): return (int) (1 / zero);", traceback.get(1));
    }

    private List<String> failure(String code, int firstLine) {
        return assertThrows(CellError.class, () -> runner.run(code, firstLine)).traceback();
    }
}
