package dev.jft.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplaysTest {

    @Test
    void terminalSinkRedrawsTheLatestDisplayInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DisplaySink sink = new Displays.TerminalSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String first = sink.display("step 1/3");
        sink.update(first, "step 2/3");
        String second = sink.display("done");
        sink.update(first, "step 3/3");
        sink.update(second, "done!");
        assertEquals("step 1/3\rstep 2/3\ndone\nstep 3/3\ndone!", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextPrefersTheRichTextView() {
        RichOutput rich = () -> Map.of("text/plain", "plain view", "text/html", "<p>html</p>");
        assertEquals("plain view", Displays.plainText(rich));
        assertEquals("7", Displays.plainText(7));
    }
}
