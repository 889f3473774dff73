package dev.jft.quiz.bank;

import java.util.List;

/**
 * A coding exercise: the learner completes {@code stub} in a notebook and passes the value named
 * {@code submit} to {@code Quiz.check}; the JUnit classes in {@code testClasses} grade it.
 * {@code expects} is the interface the submission must implement. In a learner release the hidden
 * test classes are left out: {@code withheldTests} tests worth {@code withheldPoints} points run only
 * when the instructor grades (both 0 in the instructor's banks).
 *
 * <pre>{@code
 * Exercise e = QuizCatalog.fromClasspath().exercise("welcome-softmax").orElseThrow();
 * System.out.println(e.stub());
 * }</pre>
 */
public record Exercise(
        String id,
        String lesson,
        String title,
        String statement,
        String stub,
        String submit,
        String expects,
        List<String> testClasses,
        int timeoutSeconds,
        int withheldTests,
        int withheldPoints) {

    public Exercise {
        testClasses = List.copyOf(testClasses);
    }

    /** An exercise whose tests are all on the classpath, as in the instructor's banks. */
    public Exercise(String id, String lesson, String title, String statement, String stub, String submit,
                    String expects, List<String> testClasses, int timeoutSeconds) {
        this(id, lesson, title, statement, stub, submit, expects, testClasses, timeoutSeconds, 0, 0);
    }

    /** The notebook call that grades the stub's variable, e.g. {@code Quiz.check("id", softmax)}. */
    public String checkCall() {
        return "Quiz.check(\"" + id + "\", " + submit + ")";
    }
}
