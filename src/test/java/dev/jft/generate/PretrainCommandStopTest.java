package dev.jft.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.course.Course;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./course pretrain} stopped by Ctrl-C (SIGINT) or {@code kill} (SIGTERM) in the middle of
 * training: it ends after the step in progress with a message saying where it will resume, and the
 * JVM does not crash in libtorch on its way out (it used to, with a SIGSEGV and an hs_err file).
 * Then the same command resumes from the last checkpoint.
 */
class PretrainCommandStopTest {

    private static final long WAIT_SECONDS = 240;

    @Test
    void ctrlCAndKillStopBetweenStepsAndTheNextRunResumes(@TempDir Path home) throws Exception {
        // A course home of its own, so the test's run never touches the real cache's pretrained models
        Files.createDirectories(home.resolve(".cache"));
        Files.createSymbolicLink(home.resolve(".cache/datasets"), Course.cache().resolve("datasets").toAbsolutePath());

        // Fast mode's tiny model with 100 steps between checkpoints (several seconds): room to stop mid-way
        Run first = Run.start(home);
        first.awaitOutput("checkpoint at step 100:");
        Thread.sleep(1000);
        first.signal("INT");
        assertEquals(130, first.awaitExit(), first.output());
        assertTrue(first.output().contains("Stopped. The last checkpoint is at step 100 of 300."), first.output());

        Run second = Run.start(home);
        second.awaitOutput("Resuming from the checkpoint at step 100 of 300");
        Thread.sleep(1000);
        second.signal("TERM");
        assertEquals(143, second.awaitExit(), second.output());
        assertTrue(second.output().contains("Stopped. The last checkpoint is at step 100 of 300."), second.output());

        for (Run run : List.of(first, second)) {
            assertFalse(run.output().contains("SIGSEGV"), run.output());
            assertFalse(run.output().contains("fatal error"), run.output());
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                    "the JVM crashed on its way out");
        }
    }

    /** One {@code PretrainCommand --fast} process, its output collected as it comes. */
    private record Run(Process process, StringBuffer out) {

        static Run start(Path home) throws IOException {
            List<String> command = new ArrayList<>();
            // The tests may run in a background job, which starts programs with SIGINT ignored; a JVM
            // started so never sees Ctrl-C. Restore the default, as an interactive shell would have it.
            command.addAll(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT,"
                    + " signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dai.djl.offline=true", "-XX:ErrorFile=" + home.resolve("hs_err_pid%p.log"),
                    "-cp", System.getProperty("java.class.path"), PretrainCommand.class.getName(), "--fast",
                    "--every", "100", "--checkpoints", "3"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("COURSE_HOME", home.toString());
            builder.environment().remove("COURSE_FAST");
            Process process = builder.start();
            StringBuffer out = new StringBuffer();
            Thread reader = new Thread(() -> copy(process.getInputStream(), out), "pretrain-output");
            reader.setDaemon(true);
            reader.start();
            return new Run(process, out);
        }

        private static void copy(InputStream in, StringBuffer out) {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                out.append("\n[reading the output failed: ").append(e).append("]");
            }
        }

        void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!out.toString().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    fail("'" + text + "' never came (" + (process.isAlive() ? "timed out" : "the process ended")
                            + "). Output:\n" + out);
                }
                Thread.sleep(100);
            }
        }

        void signal(String name) throws IOException, InterruptedException {
            assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor());
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the command did not stop after the signal. Output:\n" + out);
            }
            Thread.sleep(200); // the last of the output
            return process.exitValue();
        }

        String output() {
            return out.toString();
        }
    }
}
