package dev.jft.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void defaultsBindLocallyOn8080() {
        ServeCommand.Options o = ServeCommand.Options.parse("models/v1");
        assertEquals(Path.of("models/v1"), o.model());
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals(128, o.maxLength());
        assertEquals(32, o.batch());
        assertEquals(5, o.waitMillis());
    }

    @Test
    void optionsInAnyOrder() {
        ServeCommand.Options o = ServeCommand.Options.parse("--port", "9000", "m", "--host", "0.0.0.0",
                "--max-length", "64", "--batch", "8", "--wait-ms", "20");
        assertEquals(new ServeCommand.Options(Path.of("m"), "0.0.0.0", 9000, 64, 8, 20), o);
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeCommand.Options.parse())
                .getMessage().contains("folder"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeCommand.Options.parse("m", "--port"))
                .getMessage().contains("--port needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeCommand.Options.parse("m", "--port", "x"))
                .getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeCommand.Options.parse("m", "--gpu", "1"))
                .getMessage().contains("unknown option --gpu"));
    }
}
