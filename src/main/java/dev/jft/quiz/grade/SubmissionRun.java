package dev.jft.quiz.grade;

import java.util.List;
import java.util.Optional;

/**
 * One graded submission: the learner (the notebook's file name), how the run ended
 * ({@code "completed"} only when every cell of the learner's ran without error or timeout), a
 * grade for every item of the lesson's bank, notes on what could not be graded, and the executed
 * notebook (absent when it never ran).
 *
 * <pre>{@code
 * new SubmissionRun("ada", "completed", grades, List.of(), Optional.of(executedJson));
 * }</pre>
 */
public record SubmissionRun(String learner, String status, List<ItemGrade> grades, List<String> notes,
                            Optional<String> executedNotebook) {

    public SubmissionRun {
        grades = List.copyOf(grades);
        notes = List.copyOf(notes);
    }

    /** Points earned over all items. */
    public double total() {
        return grades.stream().mapToDouble(ItemGrade::score).sum();
    }

    /** The bank's points over all items. */
    public double maxTotal() {
        return grades.stream().mapToDouble(ItemGrade::max).sum();
    }
}
