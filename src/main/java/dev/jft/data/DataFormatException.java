package dev.jft.data;

import java.nio.file.Path;

/**
 * Input that does not have the expected format. The message names the file, the line (when known)
 * and what was expected.
 *
 * <pre>{@code
 * throw new DataFormatException(file, 12, "3 columns", "2 columns");
 * // reviews.csv line 12: expected 3 columns, found 2 columns
 * }</pre>
 */
public class DataFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    /**
     * @param file     the file read
     * @param line     1-based line number, or 0 when not known
     * @param expected what a well-formed input has there
     * @param found    what was there instead
     */
    public DataFormatException(Path file, long line, String expected, String found) {
        this(file, line, "expected " + expected + ", found " + found, (Throwable) null);
    }

    /** A problem described in free words, with the cause from the underlying parser. */
    public DataFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The N of "line N" in a parser's message (Gson writes "at line 3 column 5"), or 0. */
    static long lineIn(String message) {
        if (message == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when not known. */
    public long line() {
        return line;
    }
}
