package dev.jft.quiz.release;

import dev.jft.quiz.answer.AnswerGrader;
import dev.jft.quiz.answer.AnswerLocks;
import dev.jft.quiz.answer.CanonicalAnswer;
import dev.jft.quiz.answer.SealedExplanations;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.SealedKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals an instructor's question key for the learner release (the format is {@link SealedKey}): every
 * accepted answer in its canonical form gets a lock, and the explanations are sealed with a random
 * content key that each lock holds.
 *
 * <p>Numbers: the grader accepts {@code |value - answer| <= tolerance + 1e-9}. Hashing the value rounded
 * to some precision would call values right that the grader calls wrong, or the reverse; so the range is
 * cut into cells of a sixteenth of its width, the cells wholly inside are locks (a value there is right
 * for the grader too) and the one or two cells cut by an edge are edge tags, where the feedback says the
 * grader decides (as is a cell that only rounding separates from an edge). The feedback so agrees with
 * the grader except within a sixteenth of the range's width (or two) of either edge, where it says the
 * grader decides. Cells stay few (about 17), and their numbers exact, because the tolerance must be at
 * least about 1e-12 of the answer.
 *
 * <pre>{@code
 * SealedKey sealed = KeySealer.seal(question, LearnerRelease.ITERATIONS);
 * }</pre>
 */
public final class KeySealer {

    /** How many cells the accepted range of a numeric question is cut into. */
    static final int CELLS_ACROSS = 16;

    private KeySealer() {}

    /** The sealed form of {@code question}'s key and explanations, with a fresh salt and content key. */
    public static SealedKey seal(Question question, int iterations) {
        String salt = AnswerLocks.randomSalt();
        List<String> accepted = new ArrayList<>();
        List<String> edge = new ArrayList<>();
        double grid = 0;
        switch (question.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> accepted.add(CanonicalAnswer.choice(question.correctOptions()));
            case SHORT_ANSWER -> question.acceptedAnswers().stream().map(CanonicalAnswer::shortAnswer).distinct()
                    .forEach(accepted::add);
            case NUMERIC -> grid = cells(question, accepted, edge);
        }
        byte[] contentKey = AnswerLocks.randomBytes(32);
        List<SealedKey.Lock> locks = new ArrayList<>();
        for (String canonical : accepted) {
            AnswerLocks.Derived derived = AnswerLocks.derive(question.id(), salt, iterations, canonical);
            locks.add(new SealedKey.Lock(derived.tag(), AnswerLocks.seal(derived.key(), contentKey)));
        }
        List<String> edgeTags = edge.stream()
                .map(canonical -> AnswerLocks.derive(question.id(), salt, iterations, canonical).tag()).toList();
        String explanations = AnswerLocks.seal(contentKey, SealedExplanations.of(question).toBytes());
        return new SealedKey(salt, iterations, grid, locks, edgeTags, explanations);
    }

    /** Fills the inside and edge cells of a numeric question's accepted range; returns the cell width. */
    private static double cells(Question question, List<String> inside, List<String> edge) {
        double answer = question.numericAnswer();
        double half = question.tolerance() + AnswerGrader.ROUNDING_SLACK;
        double grid = 2 * half / CELLS_ACROSS;
        // Floating-point rounding (of value / grid, and of the grader's |value - answer|) is a few ulps:
        // a cell that comes that near an edge counts as an edge cell, so "correct" never depends on it.
        double margin = 4 * Math.ulp(Math.abs(answer) + half);
        if (grid < 64 * margin) {
            throw new IllegalArgumentException("question " + question.id() + ": tolerance " + question.tolerance()
                    + " is too small for answer " + answer + " to seal (doubles are not that precise there); give it a"
                    + " tolerance of at least " + Math.abs(answer) * 1e-12);
        }
        double low = Math.floor((answer - half) / grid);
        double high = Math.floor((answer + half) / grid);
        for (double cell = low; cell <= high; cell++) {
            boolean whollyInside = cell * grid >= answer - half + margin && (cell + 1) * grid <= answer + half - margin;
            (whollyInside ? inside : edge).add(CanonicalAnswer.cell(cell));
        }
        return grid;
    }
}
