package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.junit.jupiter.api.Test;

class JupyterStreamOutputTest {

    @Test
    void aCutNeverSplitsAUtf8Character() {
        byte[] bytes = "aé€".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 bytes
        assertEquals(6, JupyterStreamOutput.shownLength(bytes, 100));
        assertEquals(3, JupyterStreamOutput.shownLength(bytes, 5), "€ does not fit: cut before it");
        assertEquals(1, JupyterStreamOutput.shownLength(bytes, 2), "é does not fit: cut before it");
        assertEquals(0, JupyterStreamOutput.shownLength(bytes, 0));
    }

    @Test
    void beforeAnyCellTextGoesToTheOriginalStreamInOrder() throws Exception {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        PrintStream out = JupyterStreamOutput.printStream(new CellContext(), PublishStream.StreamType.OUT,
                new PrintStream(original, true, StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            out.println("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        out.flush();
        assertEquals(expected.toString(), original.toString(StandardCharsets.UTF_8));
    }
}
