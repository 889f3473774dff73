package dev.jft.kernel;

import java.security.Permission;
import java.util.List;
import java.util.Optional;

/**
 * Keeps learner code from ending the kernel: {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} called from a cell, or from code a cell defined (a lambda graded by an
 * exercise's JUnit tests, a thread a cell started), throw a {@link SecurityException} that tells
 * the learner what to do instead. The kernel itself still exits normally.
 *
 * <p>It is a security manager that allows everything else, at the cost of one empty method call
 * per permission check. Which Java versions can use it:
 * <ul>
 *   <li>JDK 17: always (the JDK prints a deprecation warning on the kernel's stderr);</li>
 *   <li>JDK 18 to 23: only with {@code -Djava.security.manager=allow} on the kernel's command
 *       line, which {@link KernelspecInstaller} adds for those versions;</li>
 *   <li>JDK 24 and later: never, the security manager is gone; {@link #install()} says so on
 *       stderr and learner code that exits does end the kernel.</li>
 * </ul>
 *
 * <p>With a security manager set, JDK 17 makes every common-pool worker it starts from then on an
 * "innocuous" thread ({@code ForkJoinWorkerThread$InnocuousForkJoinWorkerThread}): it decides when
 * it starts each worker, not when it creates the pool, so creating the pool before the guard changes
 * nothing (checked in {@code KernelProtocolTest}). For cells the difference is small: parallel
 * streams still run there, with the system class loader as context class loader as ordinary
 * common-pool workers have too; thread-local values do not outlive a task, and setting a worker's
 * context class loader or uncaught-exception handler is refused. Its narrow permissions do not
 * matter, as this guard allows everything but exits.
 *
 * <pre>{@code
 * ExitGuard.install();
 * }</pre>
 */
@SuppressWarnings("removal") // SecurityManager: see the class comment for the JDKs this works on
final class ExitGuard extends SecurityManager {

    /** JShell compiles every cell into classes of this package. */
    private static final String LEARNER_PACKAGE_PREFIX = "REPL.";
    private static final List<String> EXIT_METHODS = List.of(
            "java.lang.System.exit", "java.lang.Runtime.halt", "java.lang.Runtime.exit");

    private ExitGuard() {}

    /**
     * Installs the guard for this JVM.
     *
     * @return whether exits from learner code are now blocked (false after a line on stderr saying why not)
     */
    static boolean install() {
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            System.err.println(Runtime.version().feature() >= 24
                    ? "Note: Java " + Runtime.version().feature() + " has no security manager, so a cell that calls"
                        + " System.exit will end the kernel (use JDK 17 to 23 to have such calls blocked)"
                    : "Note: a cell that calls System.exit will end the kernel: start the kernel's JVM with"
                        + " -Djava.security.manager=allow to have such calls blocked (the course's kernelspec does;"
                        + " reinstall it with ./course setup)");
            return false;
        }
    }

    /** Everything but exiting is allowed. */
    @Override
    public void checkPermission(Permission permission) {
        // allowed
    }

    /** Everything but exiting is allowed. */
    @Override
    public void checkPermission(Permission permission, Object context) {
        // allowed
    }

    /** Refuses exits whose call stack passes through learner code. */
    @Override
    public void checkExit(int status) {
        Optional<String> call = StackWalker.getInstance().walk(frames -> {
            String[] exitCall = {null}; // the outermost one: System.exit calls Runtime.exit
            boolean fromLearner = frames.anyMatch(frame -> {
                String method = frame.getClassName() + "." + frame.getMethodName();
                if (EXIT_METHODS.contains(method)) {
                    exitCall[0] = method;
                }
                return frame.getClassName().startsWith(LEARNER_PACKAGE_PREFIX);
            });
            return fromLearner ? Optional.of(describe(exitCall[0], status)) : Optional.<String>empty();
        });
        if (call.isPresent()) {
            throw new SecurityException(message(call.get()));
        }
    }

    /** The call as the learner wrote it, e.g. {@code System.exit(0)}. */
    static String describe(String exitMethod, int status) {
        String method = exitMethod == null ? "java.lang.System.exit" : exitMethod;
        String call = method.startsWith("java.lang.Runtime.")
                ? "Runtime.getRuntime()." + method.substring("java.lang.Runtime.".length())
                : method.substring("java.lang.".length());
        return call + "(" + status + ")";
    }

    static String message(String call) {
        return call + " was blocked: it would stop the kernel and lose every variable. To stop a running cell,"
                + " interrupt it (the stop button, or I, I); to start afresh, use Kernel → Restart";
    }
}
