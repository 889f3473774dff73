package dev.jft.course;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests that run notebooks through Jupyter: the course kernelspec that {@code ./course setup}
 * installs, found through the {@code JUPYTER_PATH} that Surefire sets.
 */
public final class InstalledKernelspec {

    private InstalledKernelspec() {}

    /** The installed course kernelspec's kernel.json (call {@link #assumeInstalled} first). */
    public static JsonObject spec() throws IOException {
        return JsonParser.parseString(Files.readString(Path.of(System.getenv("JUPYTER_PATH").split(":")[0],
                "kernels/java/kernel.json"))).getAsJsonObject();
    }

    /**
     * The arguments for {@code KernelspecInstaller} that install a kernel like the course's into
     * {@code kernels}: its java, class path (with {@code firstOnClasspath} put first, when given) and
     * environment.
     */
    public static List<String> installerArguments(Path kernels, String firstOnClasspath) throws IOException {
        JsonObject spec = spec();
        JsonArray argv = spec.getAsJsonArray("argv");
        List<String> arguments = new ArrayList<>(List.of("--dir", kernels.toString(), "--java", argv.get(0).getAsString()));
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).getAsString().equals("-cp")) {
                String classpath = argv.get(i + 1).getAsString();
                arguments.addAll(List.of("--classpath", firstOnClasspath == null ? classpath
                        : firstOnClasspath + File.pathSeparator + classpath));
            }
        }
        spec.getAsJsonObject("env").entrySet().forEach(env -> arguments.addAll(List.of("--env",
                env.getKey() + "=" + env.getValue().getAsString())));
        return arguments;
    }

    /** Skips the calling test, saying how to fix it, when the course kernelspec is not installed. */
    public static void assumeInstalled() {
        String jupyterPath = System.getenv("JUPYTER_PATH");
        assumeTrue(jupyterPath != null && Files.exists(Path.of(jupyterPath.split(":")[0], "kernels/java/kernel.json")),
                "the course kernelspec is not installed: run ./course setup (./course test does)");
    }
}
