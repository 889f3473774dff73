package dev.jft.kernel;

import sun.misc.Signal;

/**
 * Turns SIGINT into a cell interrupt, for frontends that interrupt kernels by signal.
 *
 * <pre>{@code
 * SignalInterrupt.install(kernel::interrupt);
 * }</pre>
 */
public final class SignalInterrupt {

    private SignalInterrupt() {}

    /** Runs {@code onInterrupt} on each SIGINT instead of ending the process. */
    public static void install(Runnable onInterrupt) {
        try {
            Signal.handle(new Signal("INT"), signal -> onInterrupt.run());
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or the JVM reserves it): message interrupts still work.
            System.err.println("Interrupt by signal unavailable: " + e.getMessage());
        }
    }
}
