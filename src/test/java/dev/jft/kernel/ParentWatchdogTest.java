package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

    @Test
    void firesOnceTheParentProcessEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "30").start();
        CountDownLatch fired = new CountDownLatch(1);
        try {
            new ParentWatchdog(parent.toHandle(), fired::countDown).start();
            assertFalse(fired.await(1500, TimeUnit.MILLISECONDS), "parent still alive");
            parent.destroy();
            assertTrue(fired.await(10, TimeUnit.SECONDS), "watchdog noticed the parent is gone");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void noWatchdogWithoutAParentPid() {
        assertTrue(ParentWatchdog.fromEnvironment(Map.of()).isEmpty());
        assertTrue(ParentWatchdog.fromEnvironment(Map.of("JPY_PARENT_PID", "not-a-pid")).isEmpty());
        assertTrue(ParentWatchdog.fromEnvironment(Map.of("JPY_PARENT_PID", String.valueOf(ProcessHandle.current().pid()))).isPresent());
    }
}
