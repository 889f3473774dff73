package dev.jft.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * File-system chores shared by the library.
 *
 * <pre>{@code
 * Folders.delete(temporaryFolder); // the folder and everything in it; nothing if it is absent
 * }</pre>
 */
public final class Folders {

    private Folders() {}

    /** Deletes {@code dir} with its contents, deepest first; does nothing for null or a missing folder. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
