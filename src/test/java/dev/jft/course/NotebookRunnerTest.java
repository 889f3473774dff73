package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private record Run(int exitCode, String output) {}

    private static Run run(String notebook) throws IOException, InterruptedException {
        Path log = Files.createTempFile("notebook-runner", ".log");
        Process process = new ProcessBuilder("/usr/bin/python3", "scripts/run_notebooks.py",
                FIXTURES.resolve(notebook).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "runner finished in time");
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
