package dev.jft.quiz;

import dev.jft.quiz.bank.Exercise;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's notebook stub exactly as written in the bank, with the imports a
 * notebook has (IJava's defaults plus java.util.function), and returns the value the learner
 * would pass to Quiz.check.
 */
final class StubCompiler {

    private static final String IMPORTS = "import java.util.*; import java.util.function.*; import java.io.*;"
            + " import java.math.*; import java.net.*; import java.util.concurrent.*; import java.util.regex.*;\n";

    private StubCompiler() {}

    static Object submittedValue(Exercise exercise, Path workDir) throws IOException, ReflectiveOperationException {
        String source = IMPORTS + "public class StubCell implements java.util.function.Supplier<Object> {\n"
                + "  public Object get() {\n" + exercise.stub() + "\n    return " + exercise.submit() + ";\n  }\n}\n";
        Path file = workDir.resolve("StubCell.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-d", workDir.toString(), "-proc:none", file.toString());
        if (status != 0) {
            throw new AssertionError("The stub of " + exercise.id() + " does not compile:\n" + errors + source);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {workDir.toUri().toURL()},
                StubCompiler.class.getClassLoader());
        try (loader) {
            Supplier<?> cell = (Supplier<?>) loader.loadClass("StubCell").getDeclaredConstructor().newInstance();
            return cell.get();
        }
    }
}
