package dev.jft.quiz.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one notebook headlessly with extra environment variables, within a time limit. The
 * grader writes attempts to the gradebook named by {@code COURSE_GRADEBOOK} in that environment.
 *
 * <pre>{@code
 * NotebookExecutor.Outcome outcome = new NbconvertExecutor("java").execute(notebook, env, Duration.ofMinutes(5));
 * }</pre>
 */
public interface NotebookExecutor {

    /** How a run ended, with what the run printed (for the instructor's log). */
    record Outcome(Status status, String log) {}

    enum Status { COMPLETED, FAILED, TIMED_OUT }

    Outcome execute(Path notebook, Map<String, String> environment, Duration timeout);
}
