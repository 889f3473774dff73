package dev.jft.kernel;

import dev.jft.kernel.magic.MagicSyntax;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Editor help from JShell: completion, documentation on Shift-Tab, and whether a console input is
 * complete. Works on the snippet under the cursor, so multi-statement cells behave.
 *
 * <pre>{@code
 * CodeAssist assist = new CodeAssist(shell.sourceCodeAnalysis());
 * ReplacementOptions options = assist.complete("String s = \"a\"; s.len", 22); // ["length()"]
 * }</pre>
 */
public final class CodeAssist {

    /** {@code is_complete} answers the base kernel understands (anything else is an indent). */
    static final String COMPLETE = "complete";
    static final String INVALID = "invalid";
    static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;

    /** Helps with code for the JShell behind {@code analysis}. */
    public CodeAssist(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Completions at {@code cursor}, replacing the cell range {@code [start, cursor)}. */
    public ReplacementOptions complete(String code, int cursor) {
        SnippetSplitter.Piece piece = pieceAt(code, cursor);
        if (piece == null) {
            return new ReplacementOptions(List.of(), cursor, cursor);
        }
        int[] anchor = new int[1];
        int local = Math.min(cursor - piece.offset(), piece.source().length());
        List<String> matches = analysis.completionSuggestions(piece.source(), local, anchor).stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(matches, piece.offset() + anchor[0], cursor);
    }

    /** Signature (and javadoc where the JDK has sources) of what is at {@code cursor}, or null. */
    public DisplayData inspect(String code, int cursor) {
        SnippetSplitter.Piece piece = pieceAt(code, cursor);
        if (piece == null) {
            return null;
        }
        String source = piece.source();
        int local = Math.min(cursor - piece.offset(), source.length());
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(source, local, true);
        if (docs.isEmpty()) {
            // JShell documents a call from inside its parentheses: try just after the name under the cursor.
            int end = local;
            while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
                end++;
            }
            int after = end < source.length() && source.charAt(end) == '(' ? end + 1 : end;
            docs = analysis.documentation(source, after, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    private SnippetSplitter.Piece pieceAt(String code, int cursor) {
        return SnippetSplitter.pieceAt(SnippetSplitter.split(analysis, MagicSyntax.maskMagics(code)), cursor);
    }

    /** {@code "complete"}, {@code "invalid"}, or the indent for the next line when more is needed. */
    public String isComplete(String code) {
        for (MagicSyntax.Part part : MagicSyntax.parse(code)) {
            String answer = part.kind() == MagicSyntax.Kind.CODE ? isCompleteJava(part.body()) : COMPLETE;
            if (!answer.equals(COMPLETE)) {
                return answer;
            }
        }
        return COMPLETE;
    }

    private String isCompleteJava(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                return INDENT;
            }
            if (completeness == Completeness.UNKNOWN) {
                return INVALID;
            }
            if (completeness == Completeness.EMPTY || info.remaining().length() >= rest.length()) {
                break;
            }
            rest = info.remaining();
        }
        return COMPLETE;
    }
}
