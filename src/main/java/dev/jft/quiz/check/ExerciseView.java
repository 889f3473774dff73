package dev.jft.quiz.check;

import dev.jft.quiz.bank.Exercise;
import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.Map;

/**
 * An exercise as shown before solving: statement, the stub to complete and the call that grades it.
 *
 * <pre>{@code
 * new ExerciseView(exercise, policy.statement(0, now)); // what Quiz.show("welcome-softmax") returns
 * }</pre>
 */
public record ExerciseView(Exercise exercise, String policy) implements RichOutput {

    @Override
    public Map<String, String> mimeBundle() {
        String html = "<div class=\"quiz-exercise\"><p><b>" + Html.escape(exercise.id()) + ": "
                + Html.escape(exercise.title()) + "</b></p><p>" + Html.escape(exercise.statement())
                + "</p><p>Start from this code, then grade it with <code>" + Html.escape(exercise.checkCall())
                + "</code>:</p><pre>" + Html.escape(exercise.stub()) + "</pre><p><i>" + Html.escape(policy)
                + "</i></p></div>";
        return Map.of("text/html", html, "text/plain", toString());
    }

    @Override
    public String toString() {
        return exercise.id() + ": " + exercise.title() + "\n" + exercise.statement()
                + "\nStart from this code, then grade it with " + exercise.checkCall() + ":\n" + exercise.stub()
                + "\n" + policy;
    }
}
