package dev.jft.quiz.bank;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How a learner may attempt a bank item, from the bank's {@code "policy"} (for the whole lesson, or
 * one item's own): <b>practice</b> (the default) allows any number of attempts and shows the right
 * answer and its explanations after each (in a learner release, whose keys are sealed, the explanations
 * after a right answer); <b>assessed</b> allows {@code attempts} checks before the {@code deadline},
 * says only whether an answer was right, and shows answers and explanations once the deadline has
 * passed (when the item is practice again). Attempts are counted in the learner's own gradebook and
 * limit the feedback a learner gets, not the grade: the grade is what the grader finds in the
 * submitted notebook.
 *
 * <pre>{@code
 * "policy": {"mode": "assessed", "attempts": 2, "deadline": "2027-01-15T23:59:00Z"}
 * AttemptPolicy policy = catalog.policy("welcome-q1");
 * policy.limits(Instant.now()); // true before the deadline
 * }</pre>
 */
public record AttemptPolicy(Mode mode, int attempts, Optional<Instant> deadline) {

    /** The two modes, named in bank files as {@code practice} and {@code assessed}. */
    public enum Mode { PRACTICE, ASSESSED }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final AttemptPolicy PRACTICE = new AttemptPolicy(Mode.PRACTICE, 0, Optional.empty());

    public AttemptPolicy {
        if (mode == Mode.ASSESSED && (attempts < 1 || deadline.isEmpty())) {
            throw new IllegalArgumentException("an assessed item needs attempts (1 or more) and a deadline");
        }
    }

    /** Any number of attempts, answers shown: what an item without a policy gets. */
    public static AttemptPolicy practice() {
        return PRACTICE;
    }

    /** {@code attempts} checks before {@code deadline}, answers shown only after it. */
    public static AttemptPolicy assessed(int attempts, Instant deadline) {
        return new AttemptPolicy(Mode.ASSESSED, attempts, Optional.of(deadline));
    }

    /** Whether attempts are counted and answers withheld at {@code now}: assessed, before the deadline. */
    public boolean limits(Instant now) {
        return mode == Mode.ASSESSED && now.isBefore(deadline.orElseThrow());
    }

    /**
     * The line a quiz cell shows the learner, e.g. "Assessed: attempt 1 of 2, ...", for the attempt
     * numbered {@code attempt} (1 for the first); {@code attempt} 0 describes the policy before any.
     */
    public String statement(int attempt, Instant now) {
        if (mode == Mode.PRACTICE) {
            return "Practice: answer as often as you like.";
        }
        String when = SHOWN.format(deadline.orElseThrow());
        if (!limits(now)) {
            return "Assessed until " + when + ", which has passed: this is practice now, with answers shown.";
        }
        String count = attempt == 0 ? attempts + (attempts == 1 ? " attempt" : " attempts")
                : "attempt " + attempt + " of " + attempts;
        return "Assessed: " + count + " before " + when + ". You are told whether an answer is right, not what the"
                + " right answer is, until then. Your grade is the answer in the notebook you hand in.";
    }

    /** What the cell says when the attempts are used up: nothing more is checked or recorded. */
    public String usedUp(String id) {
        return "You have used your " + attempts + (attempts == 1 ? " attempt" : " attempts") + " at " + id
                + " (assessed until " + SHOWN.format(deadline.orElseThrow()) + "), so this one was not checked or"
                + " recorded. Your grade is the answer in this cell of the notebook you hand in, graded by your"
                + " instructor.";
    }
}
