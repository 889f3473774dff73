package dev.jft.quiz.grade;

import dev.jft.course.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook through Jupyter's nbconvert with the given kernel, keeping going past
 * failing cells so every answer cell still runs. On timeout the whole process tree (nbconvert
 * and the kernel it started) is killed. The executed copy goes to a temporary folder, so
 * submissions are never changed.
 *
 * <pre>{@code
 * new NbconvertExecutor("/usr/bin/python3", "java").execute(notebook, Map.of(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class NbconvertExecutor implements NotebookExecutor {

    private final String python;
    private final String kernelName;

    /** {@code python} must have nbconvert (Debian: {@code /usr/bin/python3}); {@code kernelName} e.g. {@code java}. */
    public NbconvertExecutor(String python, String kernelName) {
        this.python = python;
        this.kernelName = kernelName;
    }

    List<String> command(Path notebook, Path outputDir, Duration timeout) {
        return List.of(python, "-m", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.timeout=" + timeout.toSeconds(),
                "--ExecutePreprocessor.kernel_name=" + kernelName,
                "--output-dir", outputDir.toString(), notebook.toString());
    }

    @Override
    public Outcome execute(Path notebook, Map<String, String> environment, Duration timeout) {
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("grade-run-");
            Path log = workDir.resolve("nbconvert.log");
            ProcessBuilder builder = new ProcessBuilder(command(notebook, workDir, timeout))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
                return new Outcome(Status.TIMED_OUT, Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Outcome(process.exitValue() == 0 ? Status.COMPLETED : Status.FAILED, output);
        } catch (IOException e) {
            return new Outcome(Status.FAILED, "could not run " + python + " -m nbconvert: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Status.FAILED, "interrupted");
        } finally {
            deleteQuietly(workDir);
        }
    }

    /** Kills the kernel and other children first, so none outlives the run, then the process. */
    static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : descendants) {
            child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary folder " + dir, e);
        }
    }
}
