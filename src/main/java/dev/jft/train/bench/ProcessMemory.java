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
 * }</pre>
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Current resident memory in MB (VmRSS). */
    public static long residentMb() {
        return field("VmRSS:");
    }

    /** Peak resident memory in MB since the process started (VmHWM). */
    public static long peakResidentMb() {
        return field("VmHWM:");
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
