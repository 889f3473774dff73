package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A kernel started the way a background job is ({@code ./course test > log &}, nohup, a CI runner):
 * with SIGINT ignored. SIGINT must still interrupt the running cell.
 */
class SigintIgnoredAtStartTest {

    private static final long SIGINT_BIT = 1L << (2 - 1);

    @Test
    void theLauncherReallyStartsProgramsWithSigintIgnored() throws Exception {
        List<String> command = new ArrayList<>(KernelClient.SIGINT_IGNORED_LAUNCHER);
        command.addAll(List.of("cat", "/proc/self/status"));
        assertTrue((ignoredSignals(run(command)) & SIGINT_BIT) != 0, "SigIgn should include SIGINT");
    }

    @Test
    void sigintInterruptsTheRunningCellEvenWhenTheKernelStartedWithItIgnored() throws Exception {
        try (KernelClient kernel = KernelClient.startWithSigintIgnored(Map.of("IJAVA_TIMEOUT", "30000"))) {
            assertEquals("ok", kernel.execute("int kept = 7;").status());
            KernelClient.Exchange run = kernel.submitEndlessCellThenSigint();
            assertEquals("EvaluationInterruptedException", run.reply().get("ename").getAsString(), run.toString());
            assertTrue(kernel.process().isAlive(), "SIGINT must not end the kernel");
            assertEquals("ok", kernel.execute("kept").status());
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static long ignoredSignals(String procStatus) {
        String line = procStatus.lines().filter(l -> l.startsWith("SigIgn:")).findFirst().orElseThrow();
        return new BigInteger(line.substring("SigIgn:".length()).strip(), 16).longValue();
    }
}
