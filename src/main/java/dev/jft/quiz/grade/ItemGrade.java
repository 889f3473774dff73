package dev.jft.quiz.grade;

/**
 * One bank item's grade for one learner: points earned out of the bank's maximum, and why points
 * were lost (empty with full marks).
 *
 * <pre>{@code
 * new ItemGrade("welcome-q2", 0, 1, "wrong (answered A)");
 * }</pre>
 */
public record ItemGrade(String item, double score, double max, String reason) {}
