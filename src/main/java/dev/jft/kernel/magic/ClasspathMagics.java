package dev.jft.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code %jars} and {@code %classpath}: make more classes usable in later cells.
 *
 * <pre>{@code
 * ClasspathMagics classpath = new ClasspathMagics(shell::addToClasspath);
 * classpath.jars(List.of("lib/*.jar"));           // %jars lib/*.jar
 * classpath.classpath(List.of("build/classes"));  // %classpath build/classes
 * }</pre>
 */
public final class ClasspathMagics {

    private final Consumer<String> addToClasspath;

    /** @param addToClasspath adds one path to both the compiler's and the runtime's classpath */
    public ClasspathMagics(Consumer<String> addToClasspath) {
        this.addToClasspath = addToClasspath;
    }

    /** {@code %jars <glob...>}: adds every jar file the globs match. */
    public List<Path> jars(List<String> globs) throws MagicException {
        requireArgs("%jars", globs, "%jars lib/*.jar");
        List<Path> added = new ArrayList<>();
        for (String glob : globs) {
            List<Path> jars = matches("%jars", glob).stream().filter(Files::isRegularFile).toList();
            if (jars.isEmpty()) {
                throw new MagicException("%jars: '" + glob + "' matches no file. Check the path (relative to "
                        + Path.of("").toAbsolutePath() + ").");
            }
            added.addAll(jars);
        }
        add(added);
        return added;
    }

    /** {@code %classpath <paths...>}: adds directories and jars; each argument may be a path-separator list. */
    public List<Path> classpath(List<String> entries) throws MagicException {
        requireArgs("%classpath", entries, "%classpath build/classes lib/*.jar");
        List<Path> added = new ArrayList<>();
        for (String entry : entries) {
            added.addAll(resolveList("%classpath", entry));
        }
        add(added);
        return added;
    }

    /** The paths a path-separator list of globs names; each part must match something. */
    public static List<Path> resolveList(String who, String list) throws MagicException {
        List<Path> paths = new ArrayList<>();
        for (String part : list.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            List<Path> found = matches(who, part.strip());
            if (found.isEmpty()) {
                throw new MagicException(who + ": '" + part + "' matches no file or directory. Check the path (relative to "
                        + Path.of("").toAbsolutePath() + ").");
            }
            paths.addAll(found);
        }
        return paths;
    }

    private void add(List<Path> paths) {
        for (Path path : paths) {
            addToClasspath.accept(path.toString());
        }
    }

    private static List<Path> matches(String who, String glob) throws MagicException {
        try {
            return Globs.resolve(glob);
        } catch (IOException | RuntimeException e) {
            throw new MagicException(who + ": cannot search '" + glob + "': " + e.getMessage(), e);
        }
    }

    private static void requireArgs(String magic, List<String> args, String example) throws MagicException {
        if (args.isEmpty()) {
            throw new MagicException(magic + " needs at least one argument, e.g. " + example);
        }
    }
}
