package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {

    @Test
    void readsIjavaVariables() {
        KernelSettings settings = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_COMPILER_OPTS", " -Xlint:all  -parameters ", "IJAVA_TIMEOUT", "2500", "IJAVA_CLASSPATH", "lib/*.jar"));
        assertEquals(List.of("-Xlint:all", "-parameters"), settings.compilerOptions());
        assertEquals(2500, settings.timeoutMillis());
        assertEquals("lib/*.jar", settings.classpath());
    }

    @Test
    void noTimeoutByDefaultOrWithMinusOne() {
        assertEquals(-1, KernelSettings.fromEnvironment(Map.of()).timeoutMillis());
        assertEquals(-1, KernelSettings.fromEnvironment(Map.of("IJAVA_TIMEOUT", "-1")).timeoutMillis());
    }

    @Test
    void badTimeoutSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.fromEnvironment(Map.of("IJAVA_TIMEOUT", "10s")));
        assertEquals("IJAVA_TIMEOUT must be a number of milliseconds (or -1 for none), got '10s'", e.getMessage());
    }
}
