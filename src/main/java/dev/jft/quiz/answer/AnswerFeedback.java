package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.viz.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A graded answer with its explanations: for choice questions every option's explanation,
 * marking the options chosen and the correct ones.
 *
 * <pre>{@code
 * AnswerFeedback feedback = AnswerGrader.grade(question, List.of("B"));
 * System.out.println(feedback); // "welcome-q1: correct, 1/1 point ..."
 * }</pre>
 */
public final class AnswerFeedback implements GradedAnswer {

    private final Question question;
    private final String given;
    private final double score;
    private final boolean correct;
    private final Set<String> chosenOptions;
    private final List<String> notes = new ArrayList<>();
    private boolean answersShown = true;

    AnswerFeedback(Question question, String given, double score, boolean correct) {
        this(question, given, score, correct, Set.of());
    }

    AnswerFeedback(Question question, String given, double score, boolean correct, Set<String> chosenOptions) {
        this.question = question;
        this.given = given;
        this.score = score;
        this.correct = correct;
        this.chosenOptions = Set.copyOf(chosenOptions);
    }

    @Override
    public Question question() {
        return question;
    }

    /** The answer as recorded in the gradebook, e.g. {@code "A, C"} or {@code "0.88"}. */
    @Override
    public String given() {
        return given;
    }

    /** Points earned, from 0 to {@code question().points()}. */
    @Override
    public double score() {
        return score;
    }

    public boolean correct() {
        return correct;
    }

    /** Adds a line shown under the feedback, e.g. that the gradebook could not be written. */
    @Override
    public AnswerFeedback withNote(String note) {
        notes.add(note);
        return this;
    }

    /** Shows the verdict and score only: no option marked right or wrong, no explanation (assessed items). */
    @Override
    public AnswerFeedback withholdAnswers() {
        answersShown = false;
        return this;
    }

    private String headline() {
        String verdict = correct ? "correct" : score > 0 ? "partly correct" : "not quite";
        return question.id() + ": " + verdict + ", " + points(score) + "/" + question.points() + " points"
                + " (your answer: " + given + ")";
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private String mark(Option option) {
        boolean chosen = chosenOptions.contains(option.id());
        boolean keyed = question.correctOptions().stream().anyMatch(id -> id.equalsIgnoreCase(option.id()));
        return (chosen ? "you chose; " : "") + (keyed ? "correct" : "incorrect");
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"quiz-feedback\"><p><b>")
                .append(correct ? "&#10004; " : "&#10008; ").append(Html.escape(headline())).append("</b></p>");
        if (question.kind().hasOptions() && answersShown) {
            html.append("<ul>");
            for (Option option : question.options()) {
                html.append("<li><b>").append(Html.escape(option.id())).append("</b> ")
                        .append(Html.escape(option.text())).append(" <i>(").append(mark(option)).append(")</i><br>")
                        .append(Html.escape(option.explanation())).append("</li>");
            }
            html.append("</ul>");
        }
        if (!question.explanation().isEmpty() && answersShown) {
            html.append("<p>").append(Html.escape(question.explanation())).append("</p>");
        }
        notes.forEach(note -> html.append("<p><i>").append(Html.escape(note)).append("</i></p>"));
        return Map.of("text/html", html.append("</div>").toString(), "text/plain", toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline());
        if (question.kind().hasOptions() && answersShown) {
            for (Option option : question.options()) {
                text.append("\n  ").append(option.id()).append(". ").append(option.text())
                        .append(" (").append(mark(option)).append(")\n     ").append(option.explanation());
            }
        }
        if (!question.explanation().isEmpty() && answersShown) {
            text.append('\n').append(question.explanation());
        }
        notes.forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
