package dev.jft.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * An output stream whose flushed text becomes a Jupyter {@code stream} message (stdout or stderr).
 *
 * <p>Before any cell has run the text goes to the kernel's original stream instead, so nothing
 * is lost.
 *
 * <pre>{@code
 * System.setOut(JupyterStreamOutput.printStream(context, PublishStream.StreamType.OUT, System.out));
 * }</pre>
 */
public final class JupyterStreamOutput extends OutputStream {

    private final CellContext context;
    private final PublishStream.StreamType type;
    private final PrintStream fallback;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    JupyterStreamOutput(CellContext context, PublishStream.StreamType type, PrintStream fallback) {
        this.context = context;
        this.type = type;
        this.fallback = fallback;
    }

    /** A UTF-8 print stream over this output that flushes at each line end. */
    public static PrintStream printStream(CellContext context, PublishStream.StreamType type, PrintStream fallback) {
        return new PrintStream(new JupyterStreamOutput(context, type, fallback), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() == 0) {
            return;
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (!context.publish(new PublishStream(type, text))) {
            fallback.print(text);
            fallback.flush();
        }
    }
}
