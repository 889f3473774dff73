package dev.jft.viz;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide {@link DisplaySink}: the course kernel installs its own, under IJava
 * {@link IJavaDisplay} installs one that uses IJava's displays, otherwise output goes to standard
 * output as text.
 *
 * <pre>{@code
 * String id = Displays.sink().display("epoch 1/3");
 * Displays.sink().update(id, "epoch 2/3");
 * }</pre>
 */
public final class Displays {

    private static volatile DisplaySink sink = new TerminalSink(System.out);

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private Displays() {}

    /** The sink in use now. */
    public static DisplaySink sink() {
        return sink;
    }

    /** Installs {@code newSink} (the kernel does this at start-up). */
    public static void install(DisplaySink newSink) {
        sink = Objects.requireNonNull(newSink, "sink");
    }

    /** The plain-text view of a value: its {@code text/plain} if it is rich, else {@code toString()}. */
    public static String plainText(Object value) {
        if (value instanceof RichOutput rich) {
            Map<String, String> bundle = rich.mimeBundle();
            String text = bundle.get("text/plain");
            if (text != null) {
                return text;
            }
        }
        return String.valueOf(value);
    }

    /** Prints displays as text; an update redraws the last line when it is the latest display. */
    static final class TerminalSink implements DisplaySink {
        private final PrintStream out;
        private final AtomicInteger ids = new AtomicInteger();
        private volatile String lastId;

        TerminalSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized String display(Object value) {
            if (lastId != null) {
                out.println();
            }
            lastId = "terminal-" + ids.incrementAndGet();
            out.print(plainText(value));
            out.flush();
            return lastId;
        }

        @Override
        public synchronized void update(String displayId, Object value) {
            if (displayId.equals(lastId)) {
                out.print("\r" + plainText(value));
            } else {
                out.println();
                out.print(plainText(value));
                lastId = displayId;
            }
            out.flush();
        }
    }
}
