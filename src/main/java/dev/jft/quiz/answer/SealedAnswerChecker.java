package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuestionKind;
import dev.jft.quiz.bank.SealedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Instant feedback in the learner release, where questions hold a {@link SealedKey} instead of a key:
 * the learner's answer, in its {@link CanonicalAnswer} form, is derived into a tag and compared with
 * the sealed key's tags. A match is "correct" and opens the explanations; otherwise the learner is
 * told it did not match (multiple select: the exact set of right options matches, the grader still
 * gives partial credit). Numbers are compared by their cell: a cell wholly inside the accepted range
 * is correct, one the range's edge cuts is left to the grader. Every answer says that the grade comes
 * from the instructor's grader.
 *
 * <pre>{@code
 * GradedAnswer graded = SealedAnswerChecker.check(question, List.of("B"));
 * graded.score(); // the question's points when the sealed key recognises B, else 0
 * }</pre>
 */
public final class SealedAnswerChecker {

    /** Said under every answer checked against a sealed key: what "correct" means here, and what it does not. */
    public static final String MEANING = "About this feedback: this edition of the course holds no answer keys."
            + " \"Correct\" means your answer matched a salted hash of an accepted answer; your grade comes from"
            + " your instructor's grader, which checks every answer again against the instructor's questions.";

    private SealedAnswerChecker() {}

    /** Checks option ids or a short answer, refusing answers of the wrong shape as the key's grader would. */
    public static GradedAnswer check(Question question, List<String> texts) {
        SealedKey key = keyOf(question);
        return switch (question.kind()) {
            case MULTIPLE_CHOICE, MULTIPLE_SELECT -> {
                Set<String> chosen = AnswerGrader.chosenOptions(question, texts);
                yield verdict(question, key, CanonicalAnswer.choice(chosen), String.join(", ", chosen), chosen);
            }
            case SHORT_ANSWER -> {
                String given = AnswerGrader.shortAnswer(question, texts);
                yield verdict(question, key, CanonicalAnswer.shortAnswer(given), given, Set.of());
            }
            case NUMERIC -> throw AnswerGrader.numberExpected(question, texts);
        };
    }

    /** Checks a number; only numeric questions take one. */
    public static GradedAnswer check(Question question, double value) {
        SealedKey key = keyOf(question);
        if (question.kind() != QuestionKind.NUMERIC) {
            throw new AnswerFormatException(AnswerUsage.howToAnswer(question));
        }
        String given = AnswerGrader.format(value);
        if (!Double.isFinite(value)) {
            return new UnconfirmedAnswer(question, given, false).withNote(MEANING);
        }
        return verdict(question, key, CanonicalAnswer.numeric(value, key.grid()), given, Set.of());
    }

    private static SealedKey keyOf(Question question) {
        return question.sealed().orElseThrow(() -> new IllegalArgumentException("question " + question.id()
                + " holds its key: grade it with AnswerGrader"));
    }

    private static GradedAnswer verdict(Question question, SealedKey key, String canonical, String given,
                                        Set<String> chosen) {
        AnswerLocks.Derived derived = AnswerLocks.derive(question.id(), key.salt(), key.iterations(), canonical);
        Optional<SealedKey.Lock> lock = key.locks().stream().filter(l -> l.tag().equals(derived.tag())).findFirst();
        if (lock.isEmpty()) {
            return new UnconfirmedAnswer(question, given, key.edgeTags().contains(derived.tag())).withNote(MEANING);
        }
        byte[] contentKey = AnswerLocks.open(derived.key(), lock.get().key());
        SealedExplanations explanations = SealedExplanations.fromBytes(AnswerLocks.open(contentKey, key.explanations()));
        // A right answer is the key: shown like the instructor edition's feedback, with what it means.
        return new AnswerFeedback(opened(question, chosen, explanations), given, question.points(), true, chosen)
                .withNote(MEANING);
    }

    /** The question as a right answer reveals it: the chosen options keyed, the explanations opened. */
    private static Question opened(Question question, Set<String> chosen, SealedExplanations explanations) {
        List<Option> options = new ArrayList<>();
        for (Option option : question.options()) {
            options.add(new Option(option.id(), option.text(), explanations.options().getOrDefault(option.id(), "")));
        }
        return new Question(question.id(), question.lesson(), question.kind(), question.prompt(), question.points(),
                options, List.copyOf(chosen), Double.NaN, 0, List.of(), explanations.question(), Optional.empty());
    }
}
