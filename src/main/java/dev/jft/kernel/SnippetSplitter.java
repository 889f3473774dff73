package dev.jft.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell into the snippets JShell evaluates one by one (statements, declarations, expressions).
 *
 * <pre>{@code
 * List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(shell.sourceCodeAnalysis(), "int x = 1; x + 1");
 * // pieces: "int x = 1;" at 0, "x + 1" at 11
 * }</pre>
 */
public final class SnippetSplitter {

    private SnippetSplitter() {}

    /**
     * One snippet and where it starts in the cell.
     *
     * @param source the snippet (JShell may have added a closing semicolon)
     * @param offset index of its first character in the cell
     * @param complete false for trailing code JShell could not complete (it will fail to compile)
     */
    public record Piece(String source, int offset, boolean complete) {}

    /** The snippets of {@code code} in order; blank code gives none. */
    public static List<Piece> split(SourceCodeAnalysis analysis, String code) {
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            int offset = code.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete() || info.remaining().length() >= rest.length()) {
                // Incomplete or unparseable: evaluate the rest as is, so JShell reports the problem.
                pieces.add(new Piece(rest, offset, false));
                break;
            }
            pieces.add(new Piece(info.source(), offset, true));
            rest = info.remaining();
        }
        return pieces;
    }

    /** The piece holding the character at {@code cursor} (or the last one), or null if there is none. */
    public static Piece pieceAt(List<Piece> pieces, int cursor) {
        Piece found = null;
        for (Piece piece : pieces) {
            if (piece.offset() <= cursor) {
                found = piece;
            }
        }
        return found;
    }
}
