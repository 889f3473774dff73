package dev.jft.quiz.bank;

/**
 * A mistake in a bank file, located by file and line so an instructor can fix it.
 *
 * <pre>{@code
 * new Problem("quizzes/00-welcome/questions.json", 12, "duplicate id welcome-q1").toString();
 * // "quizzes/00-welcome/questions.json:12: duplicate id welcome-q1"
 * }</pre>
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
