package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.kernel.KernelspecInstaller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless notebook runner that `./course test` uses must fail a notebook for each kind of
 * problem it promises to catch, and pass a clean one.
 */
class NotebookRunnerTest {

    private static final Path FIXTURES = Path.of("src/test/resources/notebooks");

    @BeforeAll
    static void needsTheCourseKernel() {
        InstalledKernelspec.assumeInstalled();
    }

    @Test
    void anErrorOutsideRaisesExceptionCellsFailsTheNotebook() throws Exception {
        Run run = run("cell-error.ipynb");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("FAIL a cell failed"), run.output());
        assertTrue(run.output().contains("NumberFormatException"), run.output());
    }

    @Test
    void unmetExpectationsFailTheNotebook() throws Exception {
        Run run = run("unmet-expectations.ipynb");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("cell 0 should show image/png; it showed ['text/plain']"), run.output());
        assertTrue(run.output().contains("cell 1 is tagged raises-exception but raised nothing"), run.output());
    }

    @Test
    void committedOutputsAndAForeignKernelspecFailTheNotebook() throws Exception {
        Run run = run("committed-with-outputs.ipynb");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("kernelspec is 'python3', expected 'java'"), run.output());
        assertTrue(run.output().contains("cell 0 was committed with outputs"), run.output());
    }

    @Test
    void metadataThatDiffersFromTheKernelsFailsTheNotebook() throws Exception {
        Run run = run("stale-metadata.ipynb");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("metadata language_info.codemirror_mode is None; the kernel reports 'text/x-java'"),
                run.output());
    }

    @Test
    void aCleanNotebookPassesWithItsTime() throws Exception {
        Run run = run("clean.ipynb");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("notebooks: 1 passed, 0 failed"), run.output());
        assertTrue(run.output().matches("(?s).*clean\\.ipynb +ok +\\d+\\.\\d.*"), run.output());
    }

    @Test
    void underAnotherKernelEveryRuleButTheMetadataCheckStays(@TempDir Path dir) throws Exception {
        Path jar = IJavaJar.require();
        String marker = "run-" + UUID.randomUUID();
        KernelspecInstaller.main(new String[] {"--dir", dir.resolve("kernels").toString(),
            "--java", ProcessHandle.current().info().command().orElseThrow(), "--classpath", Path.of("target/classes").toAbsolutePath().toString(),
            "--ijava-jar", jar.toString(), "--env", "NOTEBOOK_RUNNER_TEST=" + marker});
        Map<String, String> ijava = Map.of("JUPYTER_PATH", dir.toString());

        Run stale = run(ijava, "--other-kernel", FIXTURES.resolve("stale-metadata.ipynb").toString());
        assertEquals(0, stale.exitCode(), stale.output());
        Run checked = run(ijava, FIXTURES.resolve("stale-metadata.ipynb").toString());
        assertTrue(checked.output().contains("the kernel's spec says 'Java (IJava, course library)'"), checked.output());
        Run error = run(ijava, "--other-kernel", FIXTURES.resolve("cell-error.ipynb").toString());
        assertTrue(error.output().contains("NumberFormatException"), error.output());
        Run unmet = run(ijava, "--other-kernel", FIXTURES.resolve("unmet-expectations.ipynb").toString());
        assertTrue(unmet.output().contains("cell 1 is tagged raises-exception but raised nothing"), unmet.output());
        assertEquals(List.of(), processesWith(marker), "IJava kernel JVMs left running after the runs");
    }

    /** Live processes whose environment holds {@code marker} (the kernels started with it). */
    private static List<Long> processesWith(String marker) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "environ")),
                        StandardCharsets.UTF_8).contains(marker);
            } catch (IOException | SecurityException e) {
                return false; // gone, or another user's
            }
        }).map(ProcessHandle::pid).toList();
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String notebook) throws IOException, InterruptedException {
        return run(Map.of(), FIXTURES.resolve(notebook).toString());
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("notebook-runner", ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "scripts/run_notebooks.py",
                "--out", "target/notebook-runner-test"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "runner finished in time");
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
