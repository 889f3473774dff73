package dev.jft.quiz;

import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.Map;

/**
 * Advice instead of a grade: the quiz call could not be graded as written (unknown id, answer
 * of the wrong kind, no implementation). Nothing is recorded in the gradebook.
 *
 * <pre>{@code
 * Quiz.answer("welcome-q9", "A"); // QuizMessage: no question or exercise "welcome-q9"; did you mean ...
 * }</pre>
 */
public record QuizMessage(String text) implements RichOutput {

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", text, "text/html",
                "<div class=\"quiz-message\" style=\"color:#a15c00\">&#9888; " + Html.escape(text) + "</div>");
    }

    @Override
    public String toString() {
        return text;
    }
}
