package dev.jft.quiz.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one notebook headlessly, cell by cell, each cell within {@code cellTimeout}, in the
 * notebook's own folder and with extra environment variables, and writes the executed copy with
 * each code cell's run status in its {@value ProbedNotebook#KEY} metadata ({@code run}: ok, error,
 * timeout or kernel died).
 *
 * <pre>{@code
 * NotebookExecutor.Outcome outcome = new NbclientExecutor("/usr/bin/python3", "java")
 *         .execute(notebook, executed, env, Duration.ofMinutes(2), Duration.ofMinutes(30));
 * }</pre>
 */
public interface NotebookExecutor {

    /** How a run ended, with what the runner printed (for the instructor's log). */
    record Outcome(Status status, String log) {}

    /** FINISHED: every cell ran or the kernel died, and the executed copy was written. */
    enum Status { FINISHED, FAILED, TIMED_OUT }

    Outcome execute(Path notebook, Path executed, Map<String, String> environment, Duration cellTimeout,
                    Duration overallLimit);
}
