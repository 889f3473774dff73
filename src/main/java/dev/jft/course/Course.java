package dev.jft.course;

import dev.jft.viz.IJavaDisplay;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Facts about the running course: where it is installed and whether lessons run in fast mode.
 *
 * <pre>{@code
 * int epochs = Course.fast() ? 1 : 3;   // the test suite sets COURSE_FAST=1
 * Path cache = Course.home().resolve(".cache");
 * }</pre>
 */
public final class Course {

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private Course() {}

    /**
     * True when lessons should shrink data and epochs (environment variable {@code COURSE_FAST=1}).
     * Fast mode still runs every code path; only sizes change.
     */
    public static boolean fast() {
        String value = System.getenv("COURSE_FAST");
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** Picks the full-size or the fast-mode value: {@code Course.size(3000, 200)}. */
    public static int size(int full, int inFastMode) {
        return fast() ? inFastMode : full;
    }

    /**
     * The course folder: {@code COURSE_HOME} if set (the kernel sets it), else the nearest folder
     * at or above the working directory that holds the {@code course} script.
     */
    public static Path home() {
        String fromEnv = System.getenv("COURSE_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("course")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }

    /** The ignored cache folder for fetched data, DJL's native libraries and checkpoints. */
    public static Path cache() {
        return home().resolve(".cache");
    }
}
