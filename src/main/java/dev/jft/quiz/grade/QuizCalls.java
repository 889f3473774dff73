package dev.jft.quiz.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the quiz calls in a cell's Java source ({@code Quiz.show/answer/check("id", ...)}) with the
 * source text of their arguments, skipping comments and string literals, so that the grader can
 * re-run each answer and check itself and tests can check every id a notebook names.
 *
 * <pre>{@code
 * QuizCalls.in("Quiz.answer(\"welcome-q2\", \"A\", \"B\")  // two letters");
 * // [Call[method=answer, id=Optional[welcome-q2], arguments="welcome-q2", "A", "B", rest="A", "B"]]
 * }</pre>
 */
public final class QuizCalls {

    /**
     * One call: {@code id} is empty when the first argument is not a plain string literal;
     * {@code rest} is the source of the arguments after the id (empty when there are none).
     */
    public record Call(String method, Optional<String> id, String arguments, String rest) {}

    private static final List<String> METHODS = List.of("show", "answer", "check", "progress");
    private static final String RECEIVER = "Quiz.";

    private QuizCalls() {}

    /** The calls in {@code code}, in source order. */
    public static List<Call> in(String code) {
        String plain = blanked(code, false);
        String skeleton = blanked(code, true); // literals' contents blanked too: searched, never parsed
        List<Call> calls = new ArrayList<>();
        int from = 0;
        while ((from = skeleton.indexOf(RECEIVER, from)) >= 0) {
            int nameStart = from + RECEIVER.length();
            from = nameStart;
            int before = nameStart - RECEIVER.length() - 1;
            if (before >= 0 && Character.isJavaIdentifierPart(skeleton.charAt(before))) {
                continue; // e.g. MyQuiz.answer
            }
            int open = skeleton.indexOf('(', nameStart);
            if (open < 0) {
                break;
            }
            String method = skeleton.substring(nameStart, open).strip();
            if (!METHODS.contains(method)) {
                continue;
            }
            int close = closingParenthesis(skeleton, open);
            if (close < 0) {
                break;
            }
            String arguments = plain.substring(open + 1, close).strip();
            calls.add(call(method, arguments));
            from = close;
        }
        return calls;
    }

    private static Call call(String method, String arguments) {
        int comma = topLevelComma(arguments);
        String first = (comma < 0 ? arguments : arguments.substring(0, comma)).strip();
        String rest = comma < 0 ? "" : arguments.substring(comma + 1).strip();
        Optional<String> id = first.matches("\"[A-Za-z0-9_.-]+\"")
                ? Optional.of(first.substring(1, first.length() - 1)) : Optional.empty();
        return new Call(method, id, arguments, rest);
    }

    /**
     * The code with comments turned into spaces, and with {@code literals} the insides of string and
     * char literals too (their quotes kept), so offsets stay the same.
     */
    static String blanked(String code, boolean literals) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                if (literals) {
                    int quotes = code.startsWith("\"\"\"", i) ? 3 : 1;
                    blank(out, i + quotes, Math.max(i + quotes, end - quotes));
                }
                i = end;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                end = end < 0 ? code.length() : end;
                blank(out, i, end);
                i = end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }

    /** The index just past the string, text block or char literal starting at {@code start}. */
    private static int endOfLiteral(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 3;
        }
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), i + 1);
    }

    private static int closingParenthesis(String code, int open) {
        int depth = 0;
        int i = open;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int topLevelComma(String arguments) {
        int depth = 0;
        int i = 0;
        while (i < arguments.length()) {
            char c = arguments.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(arguments, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
