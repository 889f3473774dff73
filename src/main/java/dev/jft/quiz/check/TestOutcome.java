package dev.jft.quiz.check;

/**
 * The result of one exercise test: whether it passed, the message a learner sees (empty when it
 * passed; withheld for hidden tests) and the points it earned out of those it was worth.
 *
 * <pre>{@code
 * new TestOutcome("sums to one", false, false, "expected 1.0 but was 0.0", 0, 1);
 * }</pre>
 */
public record TestOutcome(String name, boolean passed, boolean hidden, String message, int earned, int points) {

    /** What a learner may see of this outcome: hidden tests show only pass or fail. */
    public TestOutcome shownToLearner(int hiddenNumber) {
        if (!hidden) {
            return this;
        }
        return new TestOutcome("hidden test " + hiddenNumber, passed, true,
                passed ? "" : "failed (hidden tests reveal no details)", earned, points);
    }
}
