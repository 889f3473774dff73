package dev.jft.kernel;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT into a cell interrupt, for frontends that interrupt kernels by signal (Jupyter's
 * {@code interrupt_mode: signal}, or {@code kill -INT}).
 *
 * <p>A process started in the background by a non-interactive shell ({@code cmd &} in a script,
 * {@code nohup}, many CI runners) inherits SIGINT as ignored, and HotSpot then refuses to install a
 * handler for it: {@link Signal#handle} quietly changes nothing. So SIGINT's disposition is first
 * reset to the default through libc's {@code signal(2)} (via JNA, which DJL already brings), and
 * only then is the handler installed. Where that is impossible (no libc, no JNA) one line on stderr
 * says so; interrupting through the notebook's interrupt button (a control message) still works.
 *
 * <pre>{@code
 * SignalInterrupt.install(kernel::interrupt);
 * }</pre>
 */
public final class SignalInterrupt {

    private static final int SIGINT = 2; // the same number on Linux and macOS
    private static final Pointer SIG_DFL = Pointer.NULL;

    /** The part of libc used here. */
    private interface LibC extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    private SignalInterrupt() {}

    /**
     * Runs {@code onInterrupt} on each SIGINT instead of ending the process, even when the process
     * was started with SIGINT ignored.
     *
     * @return whether SIGINT now interrupts cells (false after a line on stderr saying why not)
     */
    public static boolean install(Runnable onInterrupt) {
        String unignored = resetToDefault();
        try {
            SignalHandler previous = Signal.handle(new Signal("INT"), signal -> onInterrupt.run());
            if (previous == SignalHandler.SIG_IGN) {
                // HotSpot kept the signal ignored and did not install the handler.
                System.err.println("Interrupt by signal unavailable: this process was started with SIGINT ignored"
                        + " (a background job or nohup) and it could not be reset (" + unignored + "); interrupt"
                        + " cells with the notebook's interrupt button instead");
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or the JVM reserves it): message interrupts still work.
            System.err.println("Interrupt by signal unavailable: " + e.getMessage()
                    + "; interrupt cells with the notebook's interrupt button instead");
            return false;
        }
    }

    /** Sets SIGINT to its default disposition; returns what went wrong, or "" when it worked. */
    private static String resetToDefault() {
        try {
            LibC libc = Native.load("c", LibC.class);
            Pointer previous = libc.signal(SIGINT, SIG_DFL);
            return Pointer.nativeValue(previous) == -1 ? "signal(2) failed" : "";
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "libc not reachable through JNA: " + e.getMessage();
        }
    }
}
