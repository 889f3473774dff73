package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuestionKind;
import dev.jft.viz.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An answer a sealed key did not recognise as right: not correct, or (numbers) so near the edge of the
 * accepted range that only the grader can tell. It scores 0 in the learner's own gradebook and keeps
 * the explanations closed, since they would give the answer away.
 *
 * <pre>{@code
 * new UnconfirmedAnswer(question, "A", false); // "welcome-q1: not correct (your answer: A) ..."
 * }</pre>
 */
public final class UnconfirmedAnswer implements GradedAnswer {

    private final Question question;
    private final String given;
    private final boolean atEdge;
    private final List<String> notes = new ArrayList<>();
    private boolean answersShown = true;

    /** {@code atEdge}: the number fell in a cell the accepted range's edge cuts. */
    public UnconfirmedAnswer(Question question, String given, boolean atEdge) {
        this.question = question;
        this.given = given;
        this.atEdge = atEdge;
    }

    @Override
    public Question question() {
        return question;
    }

    @Override
    public String given() {
        return given;
    }

    @Override
    public double score() {
        return 0;
    }

    @Override
    public UnconfirmedAnswer withNote(String note) {
        notes.add(note);
        return this;
    }

    /** Assessed items open no explanations before the deadline, so the advice does not promise them. */
    @Override
    public UnconfirmedAnswer withholdAnswers() {
        answersShown = false;
        return this;
    }

    private String headline() {
        return question.id() + ": " + (atEdge ? "at the edge of the accepted range" : "not correct")
                + " (your answer: " + given + ")";
    }

    private String advice() {
        if (atEdge) {
            return "Your number is within a small fraction of the tolerance of the accepted range's edge, too close"
                    + " to call from this edition's hashes: the grader checks it exactly. A more precise value decides it.";
        }
        String advice = answersShown ? "Try again: the explanations open once your answer is right."
                : "The explanations open after the deadline.";
        return question.kind() == QuestionKind.MULTIPLE_SELECT ? advice + " Only the exact set of right options"
                + " matches here; the grader gives partial credit: (right options chosen - wrong ones) / right options."
                : advice;
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"quiz-feedback\"><p><b>&#10008; ")
                .append(Html.escape(headline())).append("</b></p><p>").append(Html.escape(advice())).append("</p>");
        notes.forEach(note -> html.append("<p><i>").append(Html.escape(note)).append("</i></p>"));
        return Map.of("text/html", html.append("</div>").toString(), "text/plain", toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline()).append('\n').append(advice());
        notes.forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
