package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Question;
import dev.jft.viz.RichOutput;

/**
 * What answering a question gives back, in either edition: the feedback a learner sees, and the
 * attempt the gradebook records ({@link AnswerFeedback} from a key, or a sealed key's verdict).
 *
 * <pre>{@code
 * GradedAnswer graded = SealedAnswerChecker.check(question, List.of("B"));
 * graded.score(); // the question's points when B matched the sealed key, else 0
 * }</pre>
 */
public interface GradedAnswer extends RichOutput {

    Question question();

    /** The answer as recorded in the gradebook, e.g. {@code "A, C"} or {@code "0.88"}. */
    String given();

    /** Points earned, from 0 to {@code question().points()}. */
    double score();

    /** Adds a line shown under the feedback, e.g. that the gradebook could not be written. */
    GradedAnswer withNote(String note);

    /** Keeps the right answer and the explanations out of the feedback (an assessed item before its deadline). */
    default GradedAnswer withholdAnswers() {
        return this; // feedback that shows no answer has nothing to withhold
    }
}
