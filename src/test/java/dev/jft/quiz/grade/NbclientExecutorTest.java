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

/** Runs a stand-in "python" script in place of the runner, so these tests need no Jupyter. */
class NbclientExecutorTest {

    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path script = dir.resolve("fake-python");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private NotebookExecutor.Outcome run(Path python, Duration overall) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        return new NbclientExecutor(python.toString(), "java").execute(work.resolve("submission.ipynb"),
                work.resolve("executed.ipynb"), Map.of("COURSE_GRADEBOOK", "/tmp/x.jsonl"), Duration.ofSeconds(30), overall);
    }

    @Test
    void runsTheRunnerInTheNotebooksFolderWithTheCellLimitAndEnvironment() throws IOException {
        // $1 is the runner the executor unpacked; the fake writes the executed notebook where --out says.
        Path python = script("echo \"$@\"; echo \"gradebook=$COURSE_GRADEBOOK cwd=$(pwd)\"; "
                + "grep -q NotebookClient \"$1\" && echo runner-unpacked; echo '{}' > executed.ipynb");
        NotebookExecutor.Outcome outcome = run(python, Duration.ofSeconds(30));
        assertEquals(NotebookExecutor.Status.FINISHED, outcome.status(), outcome.log());
        assertTrue(outcome.log().contains("--kernel java --cell-timeout 30 --out " + dir.resolve("work/executed.ipynb")),
                outcome.log());
        assertTrue(outcome.log().contains("gradebook=/tmp/x.jsonl cwd=" + dir.resolve("work")), outcome.log());
        assertTrue(outcome.log().contains("runner-unpacked"), outcome.log());
    }

    @Test
    void aRunThatWritesNoNotebookFailsWithItsOutput() throws IOException {
        NotebookExecutor.Outcome outcome = run(script("echo no kernel named java >&2; exit 1"), Duration.ofSeconds(30));
        assertEquals(NotebookExecutor.Status.FAILED, outcome.status());
        assertTrue(outcome.log().contains("no kernel named java"));
    }

    @Test
    void pastTheOverallLimitTheWholeProcessTreeIsStopped() throws IOException {
        Path pidFile = dir.resolve("child.pid");
        NotebookExecutor.Outcome outcome = run(script("sleep 60 & echo $! > " + pidFile + "; wait"), Duration.ofSeconds(1));
        assertEquals(NotebookExecutor.Status.TIMED_OUT, outcome.status());
        long childPid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false),
                "the child (the kernel, in real runs) was stopped too");
    }
}
