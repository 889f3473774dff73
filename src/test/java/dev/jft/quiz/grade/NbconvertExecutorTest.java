package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in "python" script, so these tests need no Jupyter. */
class NbconvertExecutorTest {

    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path script = dir.resolve("fake-python");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void passesTheNbconvertArgumentsAndEnvironment() throws IOException {
        Path python = script("echo \"$@\"; echo \"gradebook=$COURSE_GRADEBOOK\"");
        NotebookExecutor.Outcome outcome = new NbconvertExecutor(python.toString(), "java")
                .execute(Path.of("sub/ada.ipynb"), Map.of("COURSE_GRADEBOOK", "/tmp/x.jsonl"), Duration.ofSeconds(30));
        assertEquals(NotebookExecutor.Status.COMPLETED, outcome.status());
        assertTrue(outcome.log().contains("-m nbconvert --to notebook --execute --allow-errors "
                + "--ExecutePreprocessor.timeout=30 --ExecutePreprocessor.kernel_name=java"), outcome.log());
        assertTrue(outcome.log().contains("gradebook=/tmp/x.jsonl"), outcome.log());
    }

    @Test
    void aFailingRunIsReportedWithItsOutput() throws IOException {
        NotebookExecutor.Outcome outcome = new NbconvertExecutor(script("echo no kernel named java >&2; exit 1")
                .toString(), "java").execute(Path.of("a.ipynb"), Map.of(), Duration.ofSeconds(30));
        assertEquals(NotebookExecutor.Status.FAILED, outcome.status());
        assertTrue(outcome.log().contains("no kernel named java"));
    }

    @Test
    void onTimeoutTheWholeProcessTreeIsKilled() throws IOException {
        Path pidFile = dir.resolve("child.pid");
        Path python = script("sleep 60 & echo $! > " + pidFile + "; wait");
        NotebookExecutor.Outcome outcome = new NbconvertExecutor(python.toString(), "java")
                .execute(Path.of("a.ipynb"), Map.of(), Duration.ofSeconds(1));
        assertEquals(NotebookExecutor.Status.TIMED_OUT, outcome.status());
        long childPid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false),
                "the child (the kernel, in real runs) was killed too");
    }
}
