package dev.jft.quiz.check;

import dev.jft.quiz.bank.Exercise;
import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graded run of an exercise: a table of tests with pass or fail, message and points. Hidden
 * tests count towards the score but show no name or message. In a learner release, which leaves the
 * hidden tests out, a line says how many run when the instructor grades; the score is the visible
 * tests' alone.
 *
 * <pre>{@code
 * CheckResult result = ExerciseRunner.run(exercise, softmax);
 * System.out.println(result); // table as text; notebooks show it as HTML
 * }</pre>
 */
public final class CheckResult implements RichOutput {

    private final Exercise exercise;
    private final List<TestOutcome> outcomes;
    private final List<String> notes = new ArrayList<>();
    private String policy = "";

    CheckResult(Exercise exercise, List<TestOutcome> outcomes) {
        this.exercise = exercise;
        this.outcomes = List.copyOf(outcomes);
    }

    public Exercise exercise() {
        return exercise;
    }

    /** Every outcome, hidden ones included with their details (for graders and tests, not learners). */
    public List<TestOutcome> outcomes() {
        return outcomes;
    }

    /** The outcomes as a learner sees them. */
    public List<TestOutcome> shownOutcomes() {
        List<TestOutcome> shown = new ArrayList<>();
        int hiddenNumber = 0;
        for (TestOutcome outcome : outcomes) {
            shown.add(outcome.shownToLearner(outcome.hidden() ? ++hiddenNumber : 0));
        }
        return shown;
    }

    public int earned() {
        return outcomes.stream().mapToInt(TestOutcome::earned).sum();
    }

    public int points() {
        return outcomes.stream().mapToInt(TestOutcome::points).sum();
    }

    /** Adds a line shown under the table, e.g. that the gradebook could not be written. */
    public CheckResult withNote(String note) {
        notes.add(note);
        return this;
    }

    /** Says under the table how the exercise may be attempted (see {@link dev.jft.quiz.bank.AttemptPolicy}). */
    public CheckResult withPolicy(String statement) {
        policy = statement;
        return this;
    }

    private String summary() {
        String verdict = earned() == points() ? "all tests pass" : "keep going";
        return exercise.id() + " (" + exercise.title() + "): " + earned() + "/" + points() + " points"
                + (exercise.withheldTests() > 0 ? " from the visible tests" : "") + ", " + verdict;
    }

    /** What a learner release withholds, e.g. "2 hidden tests (3 points) run when your instructor grades ...". */
    private Optional<String> withheld() {
        int tests = exercise.withheldTests();
        if (tests == 0) {
            return Optional.empty();
        }
        return Optional.of(tests + " hidden " + (tests == 1 ? "test" : "tests") + " (" + exercise.withheldPoints()
                + (exercise.withheldPoints() == 1 ? " point" : " points") + ") run when your instructor grades:"
                + " this edition of the course does not hold them, so they are not run here.");
    }

    /**
     * Inline styles, because Jupyter's own stylesheet right-aligns table cells and breaks {@code pre}
     * text anywhere ("div / ide"): cells left-aligned at the top, messages wrapped at word boundaries.
     */
    static final String TABLE_STYLE = "border-collapse:collapse;text-align:left;margin:0.5em 0";
    static final String CELL_STYLE = "text-align:left;vertical-align:top;padding:0.2em 0.6em";
    static final String MESSAGE_STYLE = "margin:0;text-align:left;white-space:pre-wrap;word-break:normal;"
            + "overflow-wrap:break-word;font-family:monospace";
    /** How Jupyter shows a cell's error output (the classic notebook's {@code .output_stderr}: pink). */
    static final String ERROR_STYLE = "background-color:#fdd;padding:0.2em 0.4em;border-radius:2px";

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"quiz-check\" style=\"text-align:left\"><p><b>")
                .append(Html.escape(summary())).append("</b></p><table style=\"").append(TABLE_STYLE)
                .append("\"><thead><tr>");
        for (String heading : new String[] {"test", "passed", "message", "points"}) {
            html.append("<th style=\"").append(CELL_STYLE).append("\">").append(heading).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        String cell = "<td style=\"" + CELL_STYLE + "\">";
        for (TestOutcome outcome : shownOutcomes()) {
            String messageStyle = MESSAGE_STYLE + (outcome.passed() || outcome.message().isEmpty() ? "" : ";" + ERROR_STYLE);
            html.append("<tr>").append(cell).append(Html.escape(outcome.name())).append("</td>").append(cell)
                    .append(outcome.passed() ? "&#10004;" : "&#10008;").append("</td>").append(cell)
                    .append("<pre class=\"quiz-message\" style=\"").append(messageStyle).append("\">")
                    .append(Html.escape(outcome.message())).append("</pre></td>").append(cell)
                    .append(outcome.earned()).append('/').append(outcome.points()).append("</td></tr>");
        }
        html.append("</tbody></table>");
        withheld().ifPresent(line -> html.append("<p style=\"").append(MESSAGE_STYLE).append("\">")
                .append(Html.escape(line)).append("</p>"));
        if (!policy.isEmpty()) {
            html.append("<p style=\"").append(MESSAGE_STYLE).append("\"><i>").append(Html.escape(policy)).append("</i></p>");
        }
        notes.forEach(note -> html.append("<p style=\"").append(MESSAGE_STYLE).append(';').append(ERROR_STYLE)
                .append("\"><i>").append(Html.escape(note)).append("</i></p>"));
        html.append("</div>");
        return Map.of("text/html", html.toString(), "text/plain", toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(summary());
        for (TestOutcome outcome : shownOutcomes()) {
            text.append("\n  ").append(outcome.passed() ? "PASS " : "FAIL ").append(outcome.name())
                    .append(" [").append(outcome.earned()).append('/').append(outcome.points()).append(']');
            if (!outcome.message().isEmpty()) {
                text.append(": ").append(outcome.message().replace("\n", "\n      "));
            }
        }
        withheld().ifPresent(line -> text.append('\n').append(line));
        if (!policy.isEmpty()) {
            text.append('\n').append(policy);
        }
        notes.forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
