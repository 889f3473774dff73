package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorFormatterTest {

    private final ErrorFormatter formatter = new ErrorFormatter(Map.of("7", "int f(int x) {\n  return 10 / x;\n}")::get);

    @Test
    void caretUnderlinesTheProblemOnItsLine() {
        String source = "int a = 1;\nint b = \"two\";";
        int start = source.indexOf("\"two\"");
        CellError error = formatter.compile(source, List.of(
                new ErrorFormatter.Problem(start, start, start + 5, "incompatible types")));
        assertEquals("CompilationException", error.name());
        assertEquals(List.of("int b = \"two\";", "        ^^^^^", "incompatible types"), error.traceback());
    }

    @Test
    void caretWithoutARangeMarksThePosition() {
        List<String> lines = ErrorFormatter.caret("foo(1", new ErrorFormatter.Problem(-1, 5, -1, "')' expected"));
        assertEquals(List.of("foo(1", "     ^", "')' expected"), lines);
    }

    @Test
    void learnerFramesComeFirstWithTheirSourceAndInternalsAreCounted() {
        RuntimeException thrown = new IllegalStateException("bad", new ArithmeticException("/ by zero"));
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Objects", "check", "Objects.java", 10),
            new StackTraceElement("REPL.$JShell$7", "f", "#7", 2),
            new StackTraceElement("REPL.$JShell$8", "do_it$", "#8", 1),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            new StackTraceElement("dev.jft.kernel.ResultKeepingExecutionControl", "lambda$invoke$0", "X.java", 5),
        });
        CellError error = formatter.runtime(thrown);
        List<String> lines = error.traceback();
        assertEquals("java.lang.IllegalStateException", error.name());
        assertEquals("java.lang.IllegalStateException: bad", lines.get(0));
        assertEquals("    at f (snippet #7, line 2): return 10 / x;", lines.get(1));
        assertEquals("    at cell code (snippet #8, line 1)", lines.get(2));
        assertEquals("  which called into:", lines.get(3));
        assertTrue(lines.get(4).contains("java.util.Objects.check"));
        assertEquals("    ... 2 internal frames", lines.get(5));
        assertTrue(lines.contains("Caused by: java.lang.ArithmeticException: / by zero"), lines.toString());
    }

    @Test
    void messagesLoseJShellWrapperNamesAndLeadingBlankLinesDoNotShiftSource() {
        ErrorFormatter withBlankLine = new ErrorFormatter(Map.of("13", "\ns.length()")::get);
        RuntimeException thrown = new NullPointerException("Cannot invoke \"String.length()\" because \"REPL.$JShell$12.s\" is null");
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$13", "do_it$", "#13", 1)});
        CellError error = withBlankLine.runtime(thrown);
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", error.value());
        assertEquals("    at cell code (snippet #13, line 1): s.length()", error.traceback().get(1));
    }

    @Test
    void classesDeclaredInCellsKeepTheirName() {
        RuntimeException thrown = new RuntimeException("x");
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$9$Counter", "add", "#9", 1)});
        assertEquals("    at Counter.add (snippet #9, line 1)", formatter.runtime(thrown).traceback().get(1));
    }

    @Test
    void framesTheLocatorPlacesAreNamedByCellAndLine() {
        Map<String, CellLocations.Location> places = Map.of(
                "f", new CellLocations.Location("In [5]", 3, "  return 10 / x;"),
                "lambda$do_it$$0", new CellLocations.Location("In [6]", 2, "    f(0);"),
                "do_it$", new CellLocations.Location("In [6]", 4, "r.run()"));
        ErrorFormatter located = new ErrorFormatter(id -> null, frame -> Optional.ofNullable(places.get(frame.getMethodName())));
        RuntimeException thrown = new ArithmeticException("/ by zero");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("REPL.$JShell$7", "f", "$JShell$7.java", 9),
            new StackTraceElement("REPL.$JShell$8", "lambda$do_it$$0", "$JShell$8.java", 11),
            new StackTraceElement("REPL.$JShell$9", "do_it$", "$JShell$9.java", 5),
        });
        assertEquals(List.of("java.lang.ArithmeticException: / by zero",
                "    at f (In [5], line 3): return 10 / x;",
                "    at lambda in cell code (In [6], line 2): f(0);",
                "    at cell code (In [6], line 4): r.run()"), located.runtime(thrown).traceback());
    }

    @Test
    void compileProblemsAreHeadedByTheirPlaceInTheCell() {
        String source = "\nint b = \"two\";";
        int start = source.indexOf('"');
        CellError error = formatter.compile(source, List.of(new ErrorFormatter.Problem(start, start, start + 5, "incompatible types")),
                problem -> Optional.of(new CellLocations.Location("In [2]", 4, "int b = \"two\";")));
        assertEquals(List.of("In [2], line 4:", "int b = \"two\";", "        ^^^^^", "incompatible types"), error.traceback());
    }

    @Test
    void aLearnerFrameOutsideKnownCellsNamesItsFileAndLine() {
        RuntimeException thrown = new RuntimeException("x");
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$3", "f", "$JShell$3.java", 9)});
        assertEquals("    at f ($JShell$3.java, line 9)", formatter.runtime(thrown).traceback().get(1));
    }
}
