package dev.jft.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * An output stream whose text becomes Jupyter {@code stream} messages (stdout or stderr), batched:
 * text is sent at most every {@value #FLUSH_INTERVAL_MILLIS} ms, when {@value #BATCH_BYTES} bytes have
 * gathered, or on {@link #flush()} (the kernel flushes before a result, a display, an error and the
 * end of each cell). One message per printed line would flood IOPub: a loop printing 50,000 lines
 * overran ZeroMQ's send queue, which drops what does not fit, the end-of-cell status included.
 *
 * <p>A cell shows at most {@value #CELL_LIMIT_BYTES} bytes of each stream; what it prints beyond
 * that is counted, not kept, and a note at the next flush says how much was left out.
 *
 * <p>Before any cell has run the text goes to the kernel's original stream instead, so nothing
 * is lost. All sending happens under this object's lock, so batches leave in the order written.
 *
 * <pre>{@code
 * System.setOut(JupyterStreamOutput.printStream(context, PublishStream.StreamType.OUT, System.out));
 * }</pre>
 */
public final class JupyterStreamOutput extends OutputStream {

    /** Longest time printed text waits before it is sent. */
    static final long FLUSH_INTERVAL_MILLIS = 50;
    /** Text gathered up to this size is sent at once, by the printing thread. */
    static final int BATCH_BYTES = 64 * 1024;
    /** The most bytes of one stream a cell shows (8 MiB). */
    static final long CELL_LIMIT_BYTES = 8L << 20;

    private final CellContext context;
    private final PublishStream.StreamType type;
    private final PrintStream fallback;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long cell = -1;
    private long shownInCell;
    private long hiddenSinceNote;

    JupyterStreamOutput(CellContext context, PublishStream.StreamType type, PrintStream fallback) {
        this.context = context;
        this.type = type;
        this.fallback = fallback;
    }

    /**
     * A UTF-8 print stream over a new output of this kind, with a daemon thread that sends what
     * was printed every {@value #FLUSH_INTERVAL_MILLIS} ms.
     */
    public static PrintStream printStream(CellContext context, PublishStream.StreamType type, PrintStream fallback) {
        JupyterStreamOutput output = new JupyterStreamOutput(context, type, fallback);
        Thread sender = new Thread(output::sendPeriodically, "jupyter-" + type.name().toLowerCase() + "-sender");
        sender.setDaemon(true);
        sender.start();
        // No autoflush: a flush per println is exactly the flood this class avoids.
        return new PrintStream(output, false, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        startCellIfNew();
        if (context.isAttached() && shownInCell + pending.size() >= CELL_LIMIT_BYTES) {
            hiddenSinceNote += length; // over the limit: count, do not keep
            return;
        }
        pending.write(bytes, offset, length);
        if (pending.size() >= BATCH_BYTES) {
            send(false);
        } else {
            notifyAll();
        }
    }

    /** Sends what is pending now, then a note if output was left out since the last note. */
    @Override
    public synchronized void flush() {
        startCellIfNew();
        send(true);
    }

    private void sendPeriodically() {
        try {
            while (true) {
                synchronized (this) {
                    while (pending.size() == 0) {
                        wait();
                    }
                }
                Thread.sleep(FLUSH_INTERVAL_MILLIS); // let more text gather into this message
                synchronized (this) {
                    send(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new cell starts with its own limit. */
    private void startCellIfNew() {
        long current = context.cellNumber();
        if (current != cell) {
            cell = current;
            shownInCell = 0;
            hiddenSinceNote = 0;
        }
    }

    private void send(boolean withNote) {
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            int shown = context.isAttached() ? shownLength(bytes, CELL_LIMIT_BYTES - shownInCell) : bytes.length;
            hiddenSinceNote += bytes.length - shown;
            shownInCell += shown;
            publish(new String(bytes, 0, shown, StandardCharsets.UTF_8));
        }
        if (withNote && hiddenSinceNote > 0) {
            publish("\n[output truncated: " + hiddenSinceNote + " more bytes not shown. A cell shows at most "
                    + (CELL_LIMIT_BYTES >> 20) + " MiB of printed output; print less, or write it to a file]\n");
            hiddenSinceNote = 0;
        }
    }

    /** How many of {@code bytes} fit in {@code room}, cut before a UTF-8 continuation byte. */
    static int shownLength(byte[] bytes, long room) {
        if (room >= bytes.length) {
            return bytes.length;
        }
        int cut = (int) Math.max(0, room);
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    private void publish(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!context.publish(new PublishStream(type, text))) {
            fallback.print(text);
            fallback.flush();
        }
    }
}
