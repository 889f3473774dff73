package dev.jft.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the files a glob such as {@code lib/*.jar} or {@code ~/jars/**.jar} names, relative to the
 * working directory.
 *
 * <pre>{@code
 * List<Path> jars = Globs.resolve("lib/*.jar");
 * }</pre>
 */
public final class Globs {

    private Globs() {}

    /** The existing paths matching {@code pattern}, sorted; a plain path gives itself if it exists. */
    public static List<Path> resolve(String pattern) throws IOException {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        Path whole = Path.of(expanded).toAbsolutePath().normalize();
        if (!hasGlob(expanded)) {
            return Files.exists(whole) ? List.of(whole) : List.of();
        }
        Path base = whole.getRoot();
        int depth = 0;
        boolean deep = false;
        for (Path segment : whole) {
            if (depth == 0 && !hasGlob(segment.toString())) {
                base = base.resolve(segment);
            } else {
                depth++;
                deep |= segment.toString().contains("**");
            }
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole.toString().replace("\\", "\\\\"));
        try (Stream<Path> paths = Files.walk(base, deep ? Integer.MAX_VALUE : depth)) {
            return paths.filter(matcher::matches).sorted().collect(Collectors.toList());
        }
    }

    static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
