package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

class ResultKeepingExecutionControlTest {

    @Test
    void keepsTheRealObjectAndLoadsClassesFromTheKernelsLoader() {
        ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(-1);
        try (JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            SnippetEvent event = shell.eval("dev.jft.kernel.Evaluation.NONE").get(0);
            assertSame(Evaluation.NONE, control.takeResult(event.value()), "same class, same loader, same object");
        }
    }

    @Test
    void stopsASnippetThatRunsPastTheTimeout() {
        ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(300);
        try (JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build()) {
            List<SnippetEvent> events = shell.eval("while (true) { }");
            assertEquals(ResultKeepingExecutionControl.StopReason.TIMED_OUT, control.takeStopReason(), events.toString());
            SnippetEvent next = shell.eval("21 * 2").get(0);
            assertEquals(42, control.takeResult(next.value()));
        }
    }

    @Test
    void keepsTheThrownExceptionItself() {
        ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(-1);
        try (JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build()) {
            List<SnippetEvent> events = shell.eval("throw new java.io.UncheckedIOException(\"disk\", new java.io.IOException(\"full\"));");
            Throwable thrown = control.takeLastThrown();
            assertTrue(thrown instanceof java.io.UncheckedIOException, events + " " + thrown);
            assertEquals("full", thrown.getCause().getMessage());
        }
    }
}
