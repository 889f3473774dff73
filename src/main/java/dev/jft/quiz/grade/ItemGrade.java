package dev.jft.quiz.grade;

import java.util.List;

/**
 * One bank item's grade for one learner: points earned out of the bank's maximum, why points were
 * lost (empty with full marks) and, for exercises, each test as a learner may see it (hidden tests
 * by number and result only).
 *
 * <pre>{@code
 * new ItemGrade("welcome-q2", 0, 1, "wrong (answered A)");
 * }</pre>
 */
public record ItemGrade(String item, double score, double max, String reason, List<String> visibleTests) {

    public ItemGrade {
        visibleTests = List.copyOf(visibleTests);
    }

    /** A grade without test results (questions, items that never ran). */
    public ItemGrade(String item, double score, double max, String reason) {
        this(item, score, max, reason, List.of());
    }
}
