package dev.jft.kernel;

import java.util.List;

/**
 * A cell failed: what Jupyter shows as an error (name, message, traceback lines).
 *
 * <pre>{@code
 * throw new CellError("CompilationException", "';' expected", List.of("int x = 1", "         ^", "';' expected"));
 * }</pre>
 */
public final class CellError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> traceback;

    /** An error with Jupyter's {@code ename}, {@code evalue} and {@code traceback}. */
    public CellError(String name, String value, List<String> traceback) {
        super(value);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** Jupyter's {@code ename}, e.g. {@code java.lang.ArithmeticException}. */
    public String name() {
        return name;
    }

    /** Jupyter's {@code evalue}: the message, never null. */
    public String value() {
        return getMessage() == null ? "" : getMessage();
    }

    /** The lines shown under the error in the notebook. */
    public List<String> traceback() {
        return traceback;
    }
}
