package dev.jft.quiz.grade;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook through Jupyter's nbclient with the runner shipped beside this class
 * ({@code grade_notebook.py}): one fresh kernel, each cell within the cell time limit (a cell that
 * runs over is interrupted and the next one runs), the executed copy written even when the kernel
 * dies. Past the overall limit the runner is stopped (SIGTERM, so it still writes what ran), then
 * its whole process tree is killed.
 *
 * <pre>{@code
 * new NbclientExecutor("/usr/bin/python3", "java").execute(notebook, executed, Map.of(),
 *         Duration.ofMinutes(2), Duration.ofMinutes(30));
 * }</pre>
 */
public final class NbclientExecutor implements NotebookExecutor {

    static final String RUNNER = "grade_notebook.py";

    private final String python;
    private final String kernelName;
    private final Optional<Path> kernelspecs;
    private final Optional<GradingUser> user;

    /** {@code python} must have nbclient (Debian: {@code /usr/bin/python3}); {@code kernelName} e.g. {@code java}. */
    public NbclientExecutor(String python, String kernelName) {
        this(python, kernelName, Optional.empty());
    }

    /**
     * Finds {@code kernelName} in {@code kernelspecs} (a Jupyter data folder holding
     * {@code kernels/<name>/kernel.json}) before the folders on {@code JUPYTER_PATH}: e.g. an IJava
     * kernelspec named {@code java}, to grade under IJava.
     */
    public NbclientExecutor(String python, String kernelName, Optional<Path> kernelspecs) {
        this(python, kernelName, kernelspecs, Optional.empty());
    }

    /**
     * Runs the runner and its kernel as {@code user} (when given), in the notebook's folder, which is
     * handed to the user with the runner; {@code kernelspecs} must then hold a kernel the user can
     * start ({@link GradingRuntime}).
     */
    public NbclientExecutor(String python, String kernelName, Optional<Path> kernelspecs, Optional<GradingUser> user) {
        this.python = python;
        this.kernelName = kernelName;
        this.kernelspecs = kernelspecs.map(Path::toAbsolutePath);
        this.user = user;
    }

    List<String> command(Path runner, Path notebook, Path executed, Duration cellTimeout) {
        return List.of(python, runner.toString(), "--kernel", kernelName, "--cell-timeout",
                String.valueOf(cellTimeout.toSeconds()), "--out", executed.toString(), notebook.toString());
    }

    @Override
    public Outcome execute(Path notebook, Path executed, Map<String, String> environment, Duration cellTimeout,
                           Duration overallLimit) {
        Path runnerDir = null;
        try {
            runnerDir = Files.createTempDirectory("grade-runner-");
            Path runner = runnerDir.resolve(RUNNER);
            try (InputStream in = NbclientExecutor.class.getResourceAsStream(RUNNER)) {
                if (in == null) {
                    return new Outcome(Status.FAILED, RUNNER + " is missing from the classpath: rebuild with mvn package");
                }
                Files.copy(in, runner);
            }
            Path log = runnerDir.resolve("runner.log");
            Path folder = notebook.toAbsolutePath().getParent();
            List<String> command = command(runner, notebook, executed, cellTimeout);
            ProcessBuilder builder = new ProcessBuilder(user.map(u -> u.wrap(command)).orElse(command))
                    .directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            if (user.isPresent()) {
                // The user's own folders: the submission's, and Jupyter's runtime files (connection files) in it.
                user.get().own(runnerDir);
                user.get().own(folder);
                builder.environment().put("HOME", folder.toString());
                builder.environment().put("JUPYTER_RUNTIME_DIR", folder.resolve(".jupyter-runtime").toString());
            }
            kernelspecs.ifPresent(first -> builder.environment().merge("JUPYTER_PATH", first.toString(),
                    (rest, added) -> added + File.pathSeparator + rest));
            Process process = builder.start();
            boolean finished = process.waitFor(overallLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                stopTree(process);
                return new Outcome(Status.TIMED_OUT, Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            boolean written = process.exitValue() == 0 && Files.isRegularFile(executed);
            return new Outcome(written ? Status.FINISHED : Status.FAILED, output);
        } catch (IOException e) {
            return new Outcome(Status.FAILED, "could not run " + python + " " + RUNNER + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Status.FAILED, "interrupted");
        } finally {
            deleteQuietly(runnerDir);
        }
    }

    /**
     * Asks the runner to stop (it then shuts its kernel down and writes what ran), and after 10 s
     * kills it and every process it started, so none outlives the run.
     */
    static void stopTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
            child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            dev.jft.course.Folders.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary folder " + dir, e);
        }
    }
}
