package dev.jft.train.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory as Linux reports it in {@code /proc/self/status}: resident set size now
 * ({@code VmRSS}) and its peak ({@code VmHWM}), Java heap and native (PyTorch) memory together.
 *
 * <pre>{@code
 * long now = ProcessMemory.residentMb();
 * long peak = ProcessMemory.peakResidentMb();
 * if (ProcessMemory.resetPeak()) { ... }   // peak = now again: measure the peak of what follows
 * }</pre>
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {}

    /** Current resident memory in MB (VmRSS). */
    public static long residentMb() {
        return field("VmRSS:");
    }

    /** Peak resident memory in MB since the process started (VmHWM). */
    public static long peakResidentMb() {
        return field("VmHWM:");
    }

    /**
     * Resets the peak to the current resident size (Linux 4.0+: writes 5 to
     * {@code /proc/self/clear_refs}), so {@link #peakResidentMb} reports the peak of what runs next.
     * Returns false where the kernel does not allow it; the peak then keeps counting from the start.
     */
    public static boolean resetPeak() {
        if (!Files.isWritable(CLEAR_REFS)) {
            return false;
        }
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long field(String name) {
        if (!Files.isReadable(STATUS)) {
            throw new UnsupportedOperationException("Memory figures need Linux (" + STATUS + " is not readable).");
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String kilobytes = line.substring(name.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kilobytes) / 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + STATUS, e);
        }
        throw new IllegalStateException(STATUS + " has no " + name + " line");
    }
}
