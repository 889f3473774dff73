package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.Map;

/**
 * A question as shown before answering: prompt, options, how to answer and how it may be attempted
 * (its {@link dev.jft.quiz.bank.AttemptPolicy}'s statement).
 *
 * <pre>{@code
 * new QuestionView(question, policy.statement(0, now)); // what Quiz.show("welcome-q1") returns
 * }</pre>
 */
public record QuestionView(Question question, String policy) implements RichOutput {

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"quiz-question\"><p><b>")
                .append(Html.escape(question.id())).append("</b> <i>(").append(question.kind()).append(", ")
                .append(question.points()).append(question.points() == 1 ? " point" : " points")
                .append(")</i></p><p>").append(Html.escape(question.prompt())).append("</p>");
        if (!question.options().isEmpty()) {
            html.append("<ol type=\"A\" style=\"list-style:none\">");
            for (Option option : question.options()) {
                html.append("<li><b>").append(Html.escape(option.id())).append(".</b> ")
                        .append(Html.escape(option.text())).append("</li>");
            }
            html.append("</ol>");
        }
        html.append("<p><code>").append(Html.escape(AnswerUsage.howToAnswer(question))).append("</code></p><p><i>")
                .append(Html.escape(policy)).append("</i></p></div>");
        return Map.of("text/html", html.toString(), "text/plain", toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(question.id()).append(" (").append(question.kind()).append(", ")
                .append(question.points()).append(question.points() == 1 ? " point" : " points").append(")\n")
                .append(question.prompt());
        for (Option option : question.options()) {
            text.append("\n  ").append(option.id()).append(". ").append(option.text());
        }
        return text.append('\n').append(AnswerUsage.howToAnswer(question)).append('\n').append(policy).toString();
    }
}
