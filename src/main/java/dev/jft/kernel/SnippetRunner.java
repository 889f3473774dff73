package dev.jft.kernel;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates Java code with JShell, snippet by snippet, and turns every kind of failure into a
 * {@link CellError}. The state (variables, methods, classes) stays after an error.
 *
 * <pre>{@code
 * SnippetRunner runner = new SnippetRunner(shell, control, System.err::println);
 * Evaluation result = runner.run("int x = 6; x * 7"); // value 42
 * }</pre>
 */
public final class SnippetRunner {

    private final JShell shell;
    private final ResultKeepingExecutionControl control;
    private final ErrorFormatter errors;
    private final Consumer<String> warnings;
    private final CellLocations locations;
    private volatile boolean interrupted;

    /** @param warnings where notes that are not errors go (e.g. a method waiting for a declaration) */
    public SnippetRunner(JShell shell, ResultKeepingExecutionControl control, Consumer<String> warnings) {
        this(shell, control, warnings, new CellLocations());
    }

    /**
     * A runner that records in {@code locations} which cell and line each snippet comes from, so
     * errors name them as the learner sees them.
     */
    public SnippetRunner(JShell shell, ResultKeepingExecutionControl control, Consumer<String> warnings,
                         CellLocations locations) {
        this.shell = shell;
        this.control = control;
        this.warnings = warnings;
        this.locations = locations;
        this.errors = new ErrorFormatter(this::sourceOf, locations::locate);
    }

    /** The formatter this runner uses, with snippet sources from its JShell. */
    public ErrorFormatter errors() {
        return errors;
    }

    /** Runs all snippets of {@code code}; the value is the last snippet's, if it is an expression. */
    public Evaluation run(String code) throws CellError {
        return run(code, 0);
    }

    /**
     * As {@link #run(String)}, for code that starts on line {@code firstLine} (0-based) of its cell
     * (after magic lines, say), so that errors give the line within the cell.
     */
    public Evaluation run(String code, int firstLine) throws CellError {
        interrupted = false;
        Evaluation last = Evaluation.NONE;
        try {
            int line = firstLine;
            int counted = 0;
            for (SnippetSplitter.Piece piece : SnippetSplitter.split(shell.sourceCodeAnalysis(), code)) {
                if (interrupted) {
                    throw stopped(ResultKeepingExecutionControl.StopReason.INTERRUPTED);
                }
                line += (int) code.substring(counted, piece.offset()).chars().filter(c -> c == '\n').count();
                counted = piece.offset();
                last = runSnippet(piece.source(), line);
            }
            return last;
        } finally {
            control.clearResults();
        }
    }

    /** Stops the running code and skips the rest of the cell. */
    public void interrupt() {
        interrupted = true;
        control.stop();
    }

    private Evaluation runSnippet(String source, int firstLine) throws CellError {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent event : events) {
            SourceCodeAnalysis.SnippetWrapper wrapper = shell.sourceCodeAnalysis().wrapper(event.snippet());
            if (event.causeSnippet() == null) {
                locations.record(event.snippet(), wrapper, firstLine);
            } else {
                locations.recordRecompiled(event.snippet(), wrapper);
            }
        }
        ResultKeepingExecutionControl.StopReason stop = control.takeStopReason();
        if (stop != null) {
            throw stopped(stop);
        }
        Evaluation result = Evaluation.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet was updated: not what the learner just wrote
            }
            check(event);
            if (isExpression(event.snippet()) && control.hasResult(event.value())) {
                result = Evaluation.of(control.takeResult(event.value()));
            }
        }
        return result;
    }

    private void check(SnippetEvent event) throws CellError {
        Snippet snippet = event.snippet();
        JShellException exception = event.exception();
        if (exception != null) {
            throw runtimeError(exception);
        }
        switch (event.status()) {
            case REJECTED -> throw compileError(snippet);
            case RECOVERABLE_NOT_DEFINED -> throw new CellError("UnresolvedReferenceException",
                    describe(snippet) + " cannot be defined until " + missing(snippet) + " is declared",
                    List.of(snippet.source(), describe(snippet) + " uses " + missing(snippet)
                            + ", which is not declared yet: declare it, then run this cell again"));
            case RECOVERABLE_DEFINED -> warnings.accept("Note: created " + describe(snippet)
                    + ", but it cannot be used until " + missing(snippet) + " is declared");
            default -> { }
        }
    }

    private CellError runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String message = describe(snippet) + " cannot be called until " + missing(snippet) + " is declared";
            return new CellError("UnresolvedReferenceException", message, List.of(message));
        }
        Throwable real = control.takeLastThrown();
        // The real exception's frames can be placed in cells; JShell's copy renumbers them.
        return errors.runtime(real != null && exception instanceof EvalException ? real : exception);
    }

    private CellError compileError(Snippet snippet) {
        List<ErrorFormatter.Problem> problems = shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> new ErrorFormatter.Problem(d.getStartPosition(), d.getPosition(), d.getEndPosition(),
                        d.getMessage(Locale.ENGLISH)))
                .collect(Collectors.toList());
        return errors.compile(snippet.source(), problems,
                problem -> locations.locate(snippet.id(), problem.position() >= 0 ? problem.position() : problem.start()));
    }

    private CellError stopped(ResultKeepingExecutionControl.StopReason reason) {
        if (reason == ResultKeepingExecutionControl.StopReason.TIMED_OUT) {
            String message = "cell timed out after " + control.timeoutMillis() + " ms";
            return new CellError("EvaluationTimeoutException", message,
                    List.of(message + " (IJAVA_TIMEOUT); variables defined before the timeout are kept"));
        }
        return new CellError("EvaluationInterruptedException", "the cell was interrupted",
                List.of("The cell was interrupted; variables defined before the interrupt are kept"));
    }

    private String missing(Snippet snippet) {
        if (!(snippet instanceof DeclarationSnippet declaration)) {
            return "something it refers to";
        }
        String names = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        return names.isEmpty() ? "something it refers to" : names;
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet declaration) {
            return snippet.kind().name().toLowerCase(Locale.ROOT).replace("type_decl", "type") + " " + declaration.name();
        }
        return "this code";
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private String sourceOf(String snippetId) {
        return shell.snippets().filter(s -> s.id().equals(snippetId)).map(Snippet::source).findFirst().orElse(null);
    }
}
