package dev.jft.quiz.progress;

/**
 * One graded attempt, one line of the JSON-lines gradebook.
 *
 * <pre>{@code
 * new GradebookEntry("2026-11-23T10:00:00Z", "ada", "00-welcome", "welcome-q1", "question", 1, 1, "B");
 * }</pre>
 *
 * @param kind {@code "question"} or {@code "exercise"}
 * @param answer what was answered (for exercises: empty)
 */
public record GradebookEntry(String time, String learner, String lesson, String item, String kind,
                             double score, double max, String answer) {}
