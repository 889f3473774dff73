package dev.jft.quiz;

import dev.jft.viz.IJavaDisplay;
import dev.jft.viz.RichOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiz cells for notebooks: show a question, answer it, check a coding exercise, see progress.
 * Every call returns an object that renders as HTML in the course kernel and as readable text
 * elsewhere; mistakes in the call come back as advice ({@link QuizMessage}), not stack traces.
 * Attempts go to the gradebook ({@code $COURSE_GRADEBOOK}, else
 * {@code ~/.java-fine-tuning-course/gradebook.jsonl}) under {@code $COURSE_LEARNER} or the user name.
 *
 * <pre>{@code
 * Quiz.show("welcome-q1");
 * Quiz.answer("welcome-q1", "?");   // as committed: not recorded, says how to answer
 * Quiz.answer("welcome-q1", "B");
 * Quiz.answer("welcome-q2", "A", "B");
 * Quiz.answer("welcome-q4", 0.88);
 * Quiz.check("welcome-softmax", softmax);
 * Quiz.progress();
 * }</pre>
 */
public final class Quiz {

    private static QuizSession session;

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private Quiz() {}

    private static synchronized QuizSession session() {
        if (session == null) {
            session = QuizSession.fromEnvironment();
        }
        return session;
    }

    /** Shows a question (prompt, options, how to answer) or an exercise (statement and stub). */
    public static RichOutput show(String id) {
        return session().show(id);
    }

    /**
     * Answers a multiple-choice question with an option id, or a short-answer question with text.
     * {@code "?"} (or an empty answer), the placeholder notebooks commit, is not recorded: it says how
     * to answer the question, of whatever kind.
     */
    public static RichOutput answer(String id, String answer) {
        return session().answer(id, listOf(answer));
    }

    /** Answers a multiple-select question with every chosen option id. */
    public static RichOutput answer(String id, String first, String... more) {
        List<String> answers = listOf(first);
        for (String option : more == null ? new String[0] : more) {
            answers.add(option);
        }
        return session().answer(id, answers);
    }

    /** Answers a numeric question. */
    public static RichOutput answer(String id, double value) {
        return session().answer(id, value);
    }

    /** Answers a numeric question with a whole number. */
    public static RichOutput answer(String id, int value) {
        return session().answer(id, (double) value);
    }

    /** Runs the exercise's tests (visible and hidden) against the learner's lambda or object. */
    public static RichOutput check(String id, Object implementation) {
        return session().check(id, implementation);
    }

    /** The learner's scores per lesson, as a table and a chart. */
    public static RichOutput progress() {
        return session().progress();
    }

    private static List<String> listOf(String answer) {
        List<String> answers = new ArrayList<>();
        answers.add(answer);
        return answers;
    }
}
