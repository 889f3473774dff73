package dev.jft.quiz.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Describes an exception raised by learner code with the learner's own stack frames first:
 * frames from JUnit, the quiz library and the JDK are noise to someone writing a notebook cell.
 *
 * <pre>{@code
 * LearnerFrames.describe(new ArithmeticException("/ by zero"));
 * // "ArithmeticException: / by zero\n  at lambda in cell code (In [5], line 3): return c / 0;" in the kernel
 * }</pre>
 */
public final class LearnerFrames {

    private static final List<String> LIBRARY_PREFIXES = List.of(
            "org.junit.", "org.opentest4j.", "dev.jft.quiz.", "java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final int MAX_FRAMES = 4;

    private static volatile Function<StackTraceElement, Optional<String>> frameNames = frame -> Optional.empty();

    private LearnerFrames() {}

    /**
     * Names learner frames as the learner knows them, e.g. {@code accuracy (In [5], line 3): return c / n;}
     * instead of {@code REPL.$JShell$50.accuracy($JShell$50.java:15)}. The course kernel installs this;
     * frames {@code names} leaves empty are shown as Java prints them.
     */
    public static void nameFramesWith(Function<StackTraceElement, Optional<String>> names) {
        frameNames = Objects.requireNonNull(names, "names");
    }

    /** The exception's type and message, then up to four learner frames (or library frames if none). */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
        if (error.getMessage() != null) {
            text.append(": ").append(error.getMessage());
        }
        for (StackTraceElement frame : framesToShow(error.getStackTrace())) {
            text.append("\n  at ").append(frameNames.apply(frame).orElseGet(frame::toString));
        }
        return text.toString();
    }

    static List<StackTraceElement> framesToShow(StackTraceElement[] frames) {
        List<StackTraceElement> learner = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (isLearnerFrame(frame) && learner.size() < MAX_FRAMES) {
                learner.add(frame);
            }
        }
        if (!learner.isEmpty()) {
            return learner;
        }
        return List.of(frames).subList(0, Math.min(MAX_FRAMES, frames.length));
    }

    static boolean isLearnerFrame(StackTraceElement frame) {
        return LIBRARY_PREFIXES.stream().noneMatch(prefix -> frame.getClassName().startsWith(prefix));
    }
}
