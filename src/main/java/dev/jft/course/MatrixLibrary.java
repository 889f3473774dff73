package dev.jft.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether the matrix library inside PyTorch (Intel MKL) runs its fast code path on this CPU. MKL
 * chooses its kernels by CPU vendor; on AMD it takes a slower path unless {@code ./course}
 * preloaded its small fix ({@code src/main/native/mkl_on_amd.c}), which roughly doubles the
 * speed of matrix products there.
 *
 * <pre>{@code
 * MatrixLibrary.status(); // "MKL fast path on AMD: enabled (libmkl-on-amd.so preloaded)"
 * }</pre>
 */
public final class MatrixLibrary {

    /** File name of the fix that {@code ./course} compiles into {@code .cache/native}. */
    public static final String FIX = "libmkl-on-amd.so";

    private MatrixLibrary() {}

    /** A one-line status of this process, for the environment report. */
    public static String status() {
        return status(cpuVendor(), isLoaded(FIX));
    }

    /** The status line for a CPU vendor ({@code /proc/cpuinfo}'s vendor_id) and whether the fix is loaded. */
    static String status(String vendor, boolean fixLoaded) {
        return switch (vendor) {
            case "GenuineIntel" -> "MKL fast path: native on this Intel CPU";
            case "AuthenticAMD" -> fixLoaded ? "MKL fast path on AMD: enabled (" + FIX + " preloaded)"
                    : "MKL slow path on this AMD CPU: start Java through ./course, with gcc installed,"
                            + " for about 2x faster matrix products";
            default -> "MKL: CPU vendor " + (vendor.isEmpty() ? "unknown" : vendor) + ", no fix needed or known";
        };
    }

    /** The CPU vendor from {@code /proc/cpuinfo}, or "" where there is none (not Linux). */
    static String cpuVendor() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("vendor_id")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether a shared library with this file name is mapped into this process. */
    static boolean isLoaded(String fileName) {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.endsWith("/" + fileName));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
