package dev.jft.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Jupyter kernelspec ({@code <dir>/java/kernel.json}) that starts {@link CourseKernel},
 * or, with {@code --ijava-jar}, one that starts genuine IJava with the same JVM options and the
 * course library on {@code IJAVA_CLASSPATH} (what {@code ./course test} runs the notebooks under too).
 *
 * <pre>{@code
 * java -cp "$CP" dev.jft.kernel.KernelspecInstaller --dir ~/.local/share/jupyter/kernels \
 *      --java "$(command -v java)" --classpath "$CP" --env DJL_CACHE_DIR=/course/.cache/djl
 * java -cp "$CP" dev.jft.kernel.KernelspecInstaller --dir .jupyter-ijava/kernels \
 *      --java "$(command -v java)" --classpath "$CP" --ijava-jar /opt/ijava-1.3.0.jar
 * }</pre>
 */
public final class KernelspecInstaller {

    /** The kernelspec name: IJava's, so notebooks written for IJava find this kernel. */
    public static final String KERNEL_NAME = "java";

    /** JVM options: the DJL models come from the course's cache, never downloaded; room for fine-tuning. */
    static final List<String> JVM_OPTIONS = List.of("-Dai.djl.offline=true", "-Xss16m", "-Xmx6g");

    private KernelspecInstaller() {}

    /** Parsed command line. */
    record Options(Path dir, String java, String classpath, Map<String, String> env, String ijavaJar) {}

    /** The display name of the IJava kernelspec. */
    static final String IJAVA_DISPLAY_NAME = "Java (IJava, course library)";

    /** Writes the kernelspec; exits with status 2 and a usage message on bad arguments. */
    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: KernelspecInstaller --dir <kernels-dir> --java <absolute java path> "
                    + "--classpath <classpath> [--env KEY=VALUE ...] [--ijava-jar <ijava jar>]");
            System.exit(2);
            return;
        }
        Path written = install(options);
        System.out.println("Installed kernel '" + KERNEL_NAME + "' (" + displayName(options) + ") at " + written);
    }

    static Options parse(String[] args) {
        Path dir = null;
        String java = null;
        String classpath = null;
        String ijavaJar = null;
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--dir" -> dir = Path.of(value);
                case "--java" -> java = value;
                case "--classpath" -> classpath = value;
                case "--ijava-jar" -> ijavaJar = value;
                case "--env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env expects KEY=VALUE, got '" + value + "'");
                    }
                    env.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option " + flag);
            }
        }
        if (dir == null || java == null || classpath == null) {
            throw new IllegalArgumentException("--dir, --java and --classpath are required");
        }
        if (!Path.of(java).isAbsolute()) {
            throw new IllegalArgumentException("--java must be an absolute path (Jupyter may start kernels without your PATH), got '"
                    + java + "'");
        }
        if (ijavaJar != null && !Files.isRegularFile(Path.of(ijavaJar))) {
            throw new IllegalArgumentException("--ijava-jar " + ijavaJar + " is not a file: give the path of ijava-1.3.0.jar");
        }
        return new Options(dir, java, classpath, env, ijavaJar);
    }

    /** Writes {@code <dir>/java/kernel.json} and returns its path. */
    static Path install(Options options) throws IOException {
        Path specDir = Files.createDirectories(options.dir().resolve(KERNEL_NAME));
        Path file = specDir.resolve("kernel.json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(kernelJson(options)) + "\n");
        return file;
    }

    static JsonObject kernelJson(Options options) {
        List<String> argv = new ArrayList<>(List.of(options.java()));
        if (options.ijavaJar() == null) {
            argv.addAll(List.of("-cp", options.classpath()));
        }
        argv.addAll(JVM_OPTIONS);
        if (options.ijavaJar() == null) {
            argv.add(CourseKernel.class.getName());
        } else {
            argv.addAll(List.of("-jar", options.ijavaJar()));
        }
        argv.add("{connection_file}");
        JsonArray argvJson = new JsonArray();
        argv.forEach(argvJson::add);
        JsonObject env = new JsonObject();
        if (options.ijavaJar() != null) {
            env.addProperty("IJAVA_CLASSPATH", options.classpath()); // IJava reads its class path from here
        }
        options.env().forEach(env::addProperty);
        JsonObject json = new JsonObject();
        json.add("argv", argvJson);
        json.addProperty("display_name", displayName(options));
        json.addProperty("language", "java");
        json.addProperty("interrupt_mode", "message");
        json.add("env", env);
        return json;
    }

    private static String displayName(Options options) {
        return options.ijavaJar() == null ? CourseKernel.DISPLAY_NAME : IJAVA_DISPLAY_NAME;
    }
}
