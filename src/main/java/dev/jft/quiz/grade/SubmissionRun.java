package dev.jft.quiz.grade;

import dev.jft.quiz.progress.GradebookEntry;
import java.util.List;

/**
 * One executed submission: the learner (the notebook's file name), how the run ended and the
 * attempts its gradebook recorded.
 *
 * <pre>{@code
 * new SubmissionRun("ada", "completed", entries);
 * }</pre>
 */
public record SubmissionRun(String learner, String status, List<GradebookEntry> entries) {

    public SubmissionRun {
        entries = List.copyOf(entries);
    }
}
