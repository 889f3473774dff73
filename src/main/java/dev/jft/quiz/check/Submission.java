package dev.jft.quiz.check;

import java.util.Objects;

/**
 * Hands the learner's implementation to exercise tests. {@code Quiz.check} sets it before it
 * launches the tests and clears it after; a test asks for it by the interface it expects.
 * Tests may run on JUnit's timeout thread, so this is a plain static, not a thread-local.
 *
 * <pre>{@code
 * Function<double[], double[]> softmax = Submission.get(Function.class);
 * }</pre>
 */
public final class Submission {

    private static volatile Object current;

    private Submission() {}

    /** The submission under test, as {@code type}; fails the test with advice if there is none. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Class<? super T> type) {
        Object submission = current;
        if (submission == null) {
            throw new IllegalStateException("No submission to test: run exercise tests through Quiz.check(id, code)");
        }
        if (!type.isInstance(submission)) {
            throw new IllegalStateException("The submission is a " + submission.getClass().getName()
                    + " but this exercise needs a " + type.getName() + ": start from the exercise's stub");
        }
        return (T) submission;
    }

    /** Installs {@code submission} for the tests about to run. */
    static void set(Object submission) {
        current = Objects.requireNonNull(submission, "submission");
    }

    /** Removes the submission once the tests are done. */
    static void clear() {
        current = null;
    }
}
