package dev.jft.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * IJava's magic syntax: a cell starting with {@code %%name args} is a cell magic whose body is the
 * rest of the cell; a line starting with {@code %name args} is a line magic; everything else is Java.
 *
 * <pre>{@code
 * List<MagicSyntax.Part> parts = MagicSyntax.parse("%jars lib/*.jar\nnew Foo()");
 * // [LINE_MAGIC jars [lib/*.jar], CODE "new Foo()"]
 * }</pre>
 */
public final class MagicSyntax {

    private MagicSyntax() {}

    /** The kinds of part a cell is made of. */
    public enum Kind { CODE, LINE_MAGIC, CELL_MAGIC }

    /**
     * One part of a cell, in order.
     *
     * @param kind what the part is
     * @param name the magic's name without {@code %} (empty for code)
     * @param args the magic's arguments
     * @param body the Java code, or a cell magic's body
     * @param line the cell line (0-based) where the part starts: the magic's line, or the code's first line
     */
    public record Part(Kind kind, String name, List<String> args, String body, int line) {

        static Part code(String code, int line) {
            return new Part(Kind.CODE, "", List.of(), code, line);
        }
    }

    /** Whether the cell is a cell magic ({@code %%name} on its first non-blank line). */
    public static boolean isCellMagic(String cell) {
        return cell.stripLeading().startsWith("%%");
    }

    /** The parts of {@code cell}: one cell magic, or code and line magics in order. */
    public static List<Part> parse(String cell) {
        if (isCellMagic(cell)) {
            String text = cell.stripLeading().substring(2);
            int newline = text.indexOf('\n');
            String header = newline < 0 ? text : text.substring(0, newline);
            String body = newline < 0 ? "" : text.substring(newline + 1);
            List<String> words = splitArgs(header);
            String name = words.isEmpty() ? "" : words.get(0);
            int headerLine = (int) cell.substring(0, cell.length() - cell.stripLeading().length()).chars()
                    .filter(c -> c == '\n').count();
            return List.of(new Part(Kind.CELL_MAGIC, name, words.subList(Math.min(1, words.size()), words.size()), body,
                    headerLine));
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (isLineMagic(lines[i])) {
                addCode(parts, code, codeStart);
                List<String> words = splitArgs(lines[i].strip().substring(1));
                parts.add(new Part(Kind.LINE_MAGIC, words.get(0), words.subList(1, words.size()), "", i));
                codeStart = i + 1;
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    /**
     * The cell with every magic line blanked out (same length, so offsets still match), for
     * tools that only understand Java such as completion.
     */
    public static String maskMagics(String cell) {
        if (isCellMagic(cell)) {
            return " ".repeat(cell.length());
        }
        StringBuilder masked = new StringBuilder(cell.length());
        for (String line : cell.split("\n", -1)) {
            masked.append(isLineMagic(line) ? " ".repeat(line.length()) : line).append('\n');
        }
        return masked.substring(0, cell.length());
    }

    static boolean isLineMagic(String line) {
        String text = line.stripLeading();
        return text.length() > 1 && text.charAt(0) == '%' && Character.isLetter(text.charAt(1));
    }

    private static void addCode(List<Part> parts, StringBuilder code, int line) {
        if (!code.toString().isBlank()) {
            parts.add(Part.code(code.toString(), line));
        }
        code.setLength(0);
    }

    /** Splits magic arguments like a shell: spaces separate, quotes group, backslash escapes. */
    public static List<String> splitArgs(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed " + quote + " quote in magic arguments: " + text);
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }
}
