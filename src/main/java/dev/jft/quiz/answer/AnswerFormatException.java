package dev.jft.quiz.answer;

/**
 * An answer of the wrong shape for its question (a number for a choice question, two options
 * for a multiple-choice one). The message says how to answer; the attempt is not recorded.
 *
 * <pre>{@code
 * try { grader.grade(q, List.of("A", "C")); } catch (AnswerFormatException e) { e.getMessage(); }
 * }</pre>
 */
public final class AnswerFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnswerFormatException(String message) {
        super(message);
    }
}
