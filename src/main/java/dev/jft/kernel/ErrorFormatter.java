package dev.jft.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.function.Function;
import java.util.Collections;
import java.util.IdentityHashMap;
import jdk.jshell.EvalException;

/**
 * Turns failures into notebook tracebacks a learner can read.
 *
 * <p>Runtime errors keep the exception's Java class name as their name; the learner's own frames
 * (cell code, whose classes JShell puts in package {@code REPL}) come first, named by the cell and
 * line the learner sees ({@code at f (In [5], line 3): return 10 / x;}, see {@link CellLocations}),
 * then the library frames they called into; kernel and JShell frames are counted, not shown.
 * Compile errors name the cell and line, then show the offending line with a caret under the error.
 *
 * <pre>{@code
 * ErrorFormatter formatter = new ErrorFormatter(id -> shell.snippets()...source());
 * CellError error = formatter.runtime(exception);
 * }</pre>
 */
public final class ErrorFormatter {

    /** Library frames shown per exception before the rest are summarised. */
    static final int MAX_LIBRARY_FRAMES = 8;
    private static final String LEARNER_PACKAGE = "REPL.";

    private final Function<String, String> snippetSource;
    private final Function<StackTraceElement, Optional<CellLocations.Location>> locator;

    /** @param snippetSource the source of a snippet by its JShell id (e.g. "12"), or null if unknown */
    public ErrorFormatter(Function<String, String> snippetSource) {
        this(snippetSource, frame -> Optional.empty());
    }

    /**
     * @param snippetSource the source of a snippet by its JShell id (e.g. "12"), or null if unknown
     * @param locator the cell and line a frame of learner code points to, as the learner sees them
     *     ({@code In [5], line 3}); frames it cannot place are described by snippet id
     */
    public ErrorFormatter(Function<String, String> snippetSource,
                          Function<StackTraceElement, Optional<CellLocations.Location>> locator) {
        this.snippetSource = snippetSource;
        this.locator = locator;
    }

    /**
     * The error for an exception thrown by cell code. Pass the real exception, whose frames the
     * locator can place in cells (JShell's own copy renumbers lines, not always correctly).
     */
    public CellError runtime(Throwable thrown) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable current = thrown; current != null && seen.add(current); current = current.getCause()) {
            lines.add(prefix + className(current) + messageSuffix(current));
            appendFrames(current.getStackTrace(), lines);
            prefix = "Caused by: ";
        }
        return new CellError(className(thrown), learnerMessage(thrown), lines);
    }

    /** A compile error in {@code source}, with a caret under each problem. */
    public CellError compile(String source, List<Problem> problems) {
        return compile(source, problems, problem -> Optional.empty());
    }

    /**
     * A compile error in {@code source}, each problem headed by where it is ({@code In [5], line 3:})
     * when {@code place} knows, then its line with a caret under it.
     */
    public CellError compile(String source, List<Problem> problems,
                             Function<Problem, Optional<CellLocations.Location>> place) {
        List<String> lines = new ArrayList<>();
        for (Problem problem : problems) {
            place.apply(problem).ifPresent(location -> lines.add(location + ":"));
            lines.addAll(caret(source, problem));
        }
        String first = problems.isEmpty() ? "the code does not compile" : problems.get(0).message();
        return new CellError("CompilationException", first, lines);
    }

    /** One compiler diagnostic: positions are character offsets in the snippet source. */
    public record Problem(long start, long position, long end, String message) {}

    static List<String> caret(String source, Problem problem) {
        int at = clamp(problem.position() >= 0 ? problem.position() : problem.start(), source.length());
        int lineStart = source.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = source.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? source.length() : lineEnd;
        // Underline the whole problem when it lies on this line, else just the error position.
        int from = problem.start() >= lineStart && problem.start() <= at ? (int) problem.start() : at;
        int to = problem.end() > from ? clamp(problem.end(), lineEnd) : from + 1;
        List<String> lines = new ArrayList<>();
        lines.add(source.substring(lineStart, lineEnd));
        lines.add(" ".repeat(from - lineStart) + "^".repeat(Math.max(1, to - from)));
        lines.addAll(Arrays.asList(problem.message().split("\n")));
        return lines;
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }

    private void appendFrames(StackTraceElement[] frames, List<String> lines) {
        int firstLearner = -1;
        int lastLearner = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isLearner(frames[i])) {
                firstLearner = firstLearner < 0 ? i : firstLearner;
                lastLearner = i;
            }
        }
        if (firstLearner < 0) {
            // Not thrown through cell code (e.g. from a background thread): show it plainly.
            appendLibraryFrames(frames, 0, frames.length, lines);
            return;
        }
        for (int i = firstLearner; i <= lastLearner; i++) {
            if (isLearner(frames[i])) {
                lines.add("    at " + describeLearnerFrame(frames[i]));
            }
        }
        if (firstLearner > 0) {
            lines.add("  which called into:");
            appendLibraryFrames(frames, 0, firstLearner, lines);
        }
        int internal = frames.length - 1 - lastLearner;
        if (internal > 0) {
            lines.add("    ... " + internal + " internal frames");
        }
    }

    private static void appendLibraryFrames(StackTraceElement[] frames, int from, int to, List<String> lines) {
        int shown = Math.min(to - from, MAX_LIBRARY_FRAMES);
        for (int i = to - shown; i < to; i++) {
            lines.add("    at " + frames[i]);
        }
        if (to - from > shown) {
            lines.add("    ... " + (to - from - shown) + " more library frames");
        }
    }

    /**
     * A frame of learner code as the learner knows it: {@code f (In [5], line 3): return 10 / x;},
     * or by snippet id where the cell is not known.
     */
    public String describeLearnerFrame(StackTraceElement frame) {
        String who = learnerName(frame);
        Optional<CellLocations.Location> location = locator.apply(frame);
        if (location.isPresent()) {
            String text = location.get().text().strip();
            return who + " (" + location.get() + ")" + (text.isEmpty() ? "" : ": " + text);
        }
        String file = frame.getFileName() == null ? "" : frame.getFileName();
        if (!file.startsWith("#")) {
            return who + " (" + file + ", line " + frame.getLineNumber() + ")"; // not from a cell this kernel ran
        }
        String id = file.substring(1);
        String where = who + " (snippet #" + id + ", line " + frame.getLineNumber() + ")";
        String source = snippetSource.apply(id);
        String line = source == null ? null : lineOf(source, frame.getLineNumber());
        return line == null ? where : where + ": " + line.strip();
    }

    /** {@code cell code}, {@code f}, {@code Counter.add}, {@code lambda in cell code}, {@code lambda in f}. */
    private static String learnerName(StackTraceElement frame) {
        String method = frame.getMethodName();
        Matcher lambda = LAMBDA.matcher(method);
        if (lambda.matches()) {
            String enclosing = lambda.group(1);
            return "lambda in " + (enclosing.startsWith("do_it$") ? "cell code" : ownerName(frame) + enclosing);
        }
        return method.isEmpty() || method.startsWith("do_it$") ? "cell code" : ownerName(frame) + method;
    }

    /** javac names a lambda's body {@code lambda$<enclosing method>$<n>}. */
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");

    private static final Pattern JSHELL_WRAPPER = Pattern.compile(CellLocations.WRAPPER_CLASS.pattern() + "\\.");

    private static String ownerName(StackTraceElement frame) {
        String className = frame.getClassName();
        if (!className.startsWith(LEARNER_PACKAGE)) {
            return className.isEmpty() ? "" : className + "."; // JShell already gave the class its cell name
        }
        // Cell-level methods live in the wrapper class itself; classes declared in a cell are nested in it.
        if (CellLocations.WRAPPER_CLASS.matcher(className).matches()) {
            return "";
        }
        return className.substring(className.lastIndexOf('$') + 1) + ".";
    }

    private static String lineOf(String source, int lineNumber) {
        // JShell numbers a snippet's lines from its first non-blank line.
        String[] lines = source.replaceFirst("^(\\s*\n)+", "").split("\n", -1);
        return lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : null;
    }

    private static boolean isLearner(StackTraceElement frame) {
        String file = frame.getFileName();
        return frame.getClassName().startsWith(LEARNER_PACKAGE) || (file != null && file.startsWith("#"));
    }

    private static String className(Throwable thrown) {
        // With an out-of-process engine JShell only has a copy that names the original class.
        if (thrown instanceof EvalException eval && eval.getExceptionClassName() != null) {
            return eval.getExceptionClassName();
        }
        return thrown.getClass().getName();
    }

    private static String messageSuffix(Throwable thrown) {
        String message = learnerMessage(thrown);
        return message.isEmpty() ? "" : ": " + message;
    }

    /** The message with JShell's wrapper names taken out: {@code "REPL.$JShell$12.s" is null} reads {@code "s" is null}. */
    static String learnerMessage(Throwable thrown) {
        return thrown.getMessage() == null ? "" : JSHELL_WRAPPER.matcher(thrown.getMessage()).replaceAll("");
    }
}
