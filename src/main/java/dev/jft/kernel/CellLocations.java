package dev.jft.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Where learner code came from, as the learner sees it: the cell by its execution count
 * ({@code In [5]}) and the line within that cell, or the file {@code %load} ran and the line in
 * that file.
 *
 * <p>JShell knows code by snippet id and runs each snippet as a class {@code REPL.$JShell$NN}
 * whose stack frames count lines of a generated wrapper; a cell is also split into several
 * snippets ({@link SnippetSplitter}). Each snippet is recorded when it is evaluated, with its
 * wrapper's line map, so a stack frame can be placed later from any thread (a JUnit test calling
 * a lambda a cell defined), without asking JShell again.
 *
 * <pre>{@code
 * locations.enterCell(5);
 * locations.record(snippet, shell.sourceCodeAnalysis().wrapper(snippet), 2);   // starts on line 3
 * locations.locate(frame);   // Optional[In [5], line 4: "return a / b;"]
 * try (CellLocations.Scope loading = locations.enterFile("helpers.jsh")) {
 *     ...   // snippets evaluated here are placed as helpers.jsh, line n
 * }
 * }</pre>
 */
public final class CellLocations {

    /**
     * A place in a cell.
     *
     * @param cell the cell as the notebook labels it, e.g. {@code In [5]}, or the file the code
     *     was loaded from with {@code %load}, as the {@code %load} line names it
     * @param line the line in that cell (or file), from 1
     * @param text that line's code (empty if unknown)
     */
    public record Location(String cell, int line, String text) {

        /** E.g. {@code In [5], line 3}. */
        @Override
        public String toString() {
            return cell + ", line " + line;
        }
    }

    /** A recorded snippet: its cell, the cell line its source starts on, and its wrapper's line map. */
    private record Origin(String cell, int firstLine, String source, int[] snippetLineOfWrappedLine) {

        Location at(int snippetLine) {
            String[] lines = source.split("\n", -1);
            String text = snippetLine >= 1 && snippetLine <= lines.length ? lines[snippetLine - 1] : "";
            return new Location(cell, firstLine + snippetLine, text);
        }
    }

    /**
     * The wrapper class of a frame's class: {@code REPL.$JShell$9$Counter} belongs to {@code REPL.$JShell$9}.
     * A wrapper is not always named by a number: JShell appends letters when it compiles a snippet
     * again ({@code $JShell$9B}, after a redefinition) and joins overloads ({@code $JShell$12_13}).
     */
    static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$[^$.]+");

    private final Map<String, Origin> byClass = new ConcurrentHashMap<>();
    private final Map<String, Origin> byId = new ConcurrentHashMap<>();
    private volatile String currentCell = "startup code";

    /** Code evaluated from now on belongs to the cell with this execution count. */
    public void enterCell(int executionCount) {
        currentCell = "In [" + executionCount + "]";
    }

    /**
     * Code evaluated from now on comes from a silent request (a front-end's helper code, sent with
     * {@code silent: true}), which has no execution count and so no {@code In [n]} of its own.
     */
    public void enterSilentRequest() {
        currentCell = SILENT_REQUEST;
    }

    /** How code from a silent request is named, e.g. {@code silent request, line 1}. */
    static final String SILENT_REQUEST = "silent request";

    /**
     * Code evaluated until the returned scope is closed comes from {@code file}, which a
     * {@code %load} line is running: its snippets are placed by that name and their line in the
     * file ({@code helpers.jsh, line 3}), not by the cell that loaded it. Scopes nest (a loaded file
     * that loads another); closing one returns to where the code came from before.
     */
    public Scope enterFile(String file) {
        String outer = currentCell;
        currentCell = file;
        return () -> currentCell = outer;
    }

    /** Ends an {@link #enterFile} scope: code evaluated afterwards belongs where it did before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Records {@code snippet}, just evaluated in the current cell, whose source starts on line
     * {@code firstLine} (0-based) of the cell. Call it on the thread that runs JShell.
     */
    public void record(Snippet snippet, SourceCodeAnalysis.SnippetWrapper wrapper, int firstLine) {
        String source = snippet.source();
        Origin origin = new Origin(currentCell, firstLine, source, lineMap(wrapper, source));
        byId.put(snippet.id(), origin);
        byClass.put(wrapper.fullClassName(), origin);
    }

    /**
     * Records {@code snippet} again after JShell recompiled it because code it depends on changed (a
     * new wrapper class, the same cell and lines as when it was first recorded).
     */
    public void recordRecompiled(Snippet snippet, SourceCodeAnalysis.SnippetWrapper wrapper) {
        Origin first = byId.get(snippet.id());
        if (first != null) {
            String source = snippet.source();
            byClass.put(wrapper.fullClassName(), new Origin(first.cell(), first.firstLine(), source, lineMap(wrapper, source)));
        }
    }

    /** Where a stack frame of learner code points, if it belongs to a recorded snippet. */
    public Optional<Location> locate(StackTraceElement frame) {
        Matcher wrapperClass = WRAPPER_CLASS.matcher(frame.getClassName());
        if (!wrapperClass.lookingAt() || frame.getLineNumber() < 1) {
            return Optional.empty();
        }
        Origin origin = byClass.get(wrapperClass.group());
        if (origin == null || frame.getLineNumber() > origin.snippetLineOfWrappedLine().length) {
            return Optional.empty();
        }
        return Optional.of(origin.at(origin.snippetLineOfWrappedLine()[frame.getLineNumber() - 1]));
    }

    /** Where character {@code position} of recorded snippet {@code snippetId}'s source lies. */
    public Optional<Location> locate(String snippetId, long position) {
        Origin origin = byId.get(snippetId);
        if (origin == null) {
            return Optional.empty();
        }
        int end = (int) Math.max(0, Math.min(position, origin.source().length()));
        return Optional.of(origin.at(1 + newlines(origin.source(), end)));
    }

    /**
     * For each wrapper line (index 0 is line 1), the snippet line its code comes from. javac numbers
     * a statement by the line it starts on, and a wrapper often starts the statement itself
     * ({@code return $1 =} before the learner's expression): a line holding no learner code takes
     * the snippet line of the next line that does.
     */
    private static int[] lineMap(SourceCodeAnalysis.SnippetWrapper wrapper, String source) {
        String wrapped = wrapper.wrapped();
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < wrapped.length(); i++) {
            if (wrapped.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        int[] map = new int[lineStarts.size()]; // 0: no learner code on that line
        int snippetLine = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                snippetLine++;
            } else if (!Character.isWhitespace(c)) {
                int at = Collections.binarySearch(lineStarts, wrapper.sourceToWrappedPosition(i));
                int wrappedLine = at >= 0 ? at : -at - 2;
                if (wrappedLine >= 0 && wrappedLine < map.length && map[wrappedLine] == 0) {
                    map[wrappedLine] = snippetLine;
                }
            }
        }
        int next = snippetLine; // after the last learner line: the snippet's last line
        for (int i = map.length - 1; i >= 0; i--) {
            map[i] = map[i] == 0 ? next : map[i];
            next = map[i];
        }
        return map;
    }

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
