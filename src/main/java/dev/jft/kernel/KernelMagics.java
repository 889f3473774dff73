package dev.jft.kernel;

import dev.jft.kernel.magic.ClasspathMagics;
import dev.jft.kernel.magic.MagicException;
import dev.jft.kernel.magic.Magics;
import dev.jft.kernel.magic.MavenResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The magics IJava notebooks use: {@code %jars}, {@code %classpath}, {@code %maven},
 * {@code %%loadFromPOM} and {@code %load}.
 *
 * <pre>{@code
 * Magics magics = KernelMagics.standard(shell::addToClasspath, new MavenResolver(), (file, code) -> cells.execute(code));
 * }</pre>
 */
public final class KernelMagics {

    private KernelMagics() {}

    /** Late-bound access to the cell executor, which itself needs the magics. */
    public interface CellRunner {
        Evaluation execute(String cell) throws CellError;
    }

    /** Runs the code of a file {@code %load} read, so that errors can name the file rather than the cell. */
    public interface FileRunner {
        /** Runs {@code code}, read from {@code file} (as the {@code %load} line names it). */
        Evaluation execute(String file, String code) throws CellError;
    }

    /** The standard registry; {@code %load} runs a file through {@code files}. */
    public static Magics standard(Consumer<String> addToClasspath, MavenResolver maven, FileRunner files) {
        ClasspathMagics classpath = new ClasspathMagics(addToClasspath);
        return new Magics()
                .line("jars", args -> {
                    classpath.jars(args);
                    return null;
                })
                .line("classpath", args -> {
                    classpath.classpath(args);
                    return null;
                })
                .line("maven", args -> {
                    maven.resolveCoordinates(args).forEach(jar -> addToClasspath.accept(jar.toString()));
                    return null;
                })
                .cell("loadFromPOM", (args, body) -> {
                    maven.resolvePomText(body).forEach(jar -> addToClasspath.accept(jar.toString()));
                    return null;
                })
                .line("load", args -> load(args, files));
    }

    private static Object load(List<String> args, FileRunner files) throws Exception {
        if (args.size() != 1) {
            throw new MagicException("%load needs exactly one file, e.g. %load helpers.jsh");
        }
        Path file = Path.of(args.get(0));
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new MagicException("cannot read '" + file.toAbsolutePath() + "': " + e.getMessage(), e);
        }
        Evaluation result = files.execute(args.get(0), code);
        return result.hasValue() ? result.value() : null;
    }
}
