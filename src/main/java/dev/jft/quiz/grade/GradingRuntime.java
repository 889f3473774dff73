package dev.jft.quiz.grade;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.jft.course.Folders;
import dev.jft.course.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kernel a {@link GradingUser} can start: a copy of the instructor's kernelspec in a temporary
 * Jupyter data folder, where every file or folder the spec names (in its command line or its
 * environment, e.g. the jars of the class path under {@code /root/.m2}) that the user cannot read is
 * replaced by a readable copy (a hard link where the file is world-readable). What the user can
 * read already (the JDK, the data caches) is used in place, and DJL's cache ({@code DJL_CACHE_DIR} in
 * the spec) is made readable by all: DJL unpacks PyTorch's libraries into a private folder, and the
 * cache holds nothing secret. {@link #close} deletes the staged folder.
 *
 * <pre>{@code
 * try (GradingRuntime runtime = GradingRuntime.stage("java", Optional.empty(), GradingUser.lookup("nobody"))) {
 *     new NbclientExecutor("/usr/bin/python3", "java", Optional.of(runtime.kernelspecs()), ...);
 * }
 * }</pre>
 */
public final class GradingRuntime implements AutoCloseable {

    private static final String DJL_CACHE = "DJL_CACHE_DIR";
    private static final Gson GSON = Json.builder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;
    private final int staged;

    private GradingRuntime(Path root, int staged) {
        this.root = root;
        this.staged = staged;
    }

    /** The Jupyter data folder holding {@code kernels/<name>/kernel.json}, for {@code JUPYTER_PATH}. */
    public Path kernelspecs() {
        return root;
    }

    /** How many files and folders were copied or linked for the user. */
    public int staged() {
        return staged;
    }

    /**
     * Stages the kernelspec {@code kernelName}, found in {@code kernelspecs} (when given), then on
     * {@code JUPYTER_PATH}, then in Jupyter's user and system folders, for {@code user}.
     */
    public static GradingRuntime stage(String kernelName, Optional<Path> kernelspecs, GradingUser user)
            throws IOException {
        Path spec = find(kernelName, kernelspecs);
        JsonObject kernel = Json.parse(Files.readString(spec, StandardCharsets.UTF_8)).getAsJsonObject();
        if (kernel.get("env") instanceof JsonObject env && env.get(DJL_CACHE) instanceof JsonPrimitive cache
                && Files.isDirectory(Path.of(cache.getAsString()))) {
            readableByAll(Path.of(cache.getAsString()));
        }
        Path root = Files.createTempDirectory("grade-runtime-");
        try {
            readable(root);
            Map<String, String> replacements = stageUnreadable(paths(kernel), user, root.resolve("lib"));
            Path target = root.resolve("kernels").resolve(kernelName);
            Files.createDirectories(target);
            readable(root.resolve("kernels"));
            readable(target);
            Files.writeString(target.resolve("kernel.json"), GSON.toJson(rewritten(kernel, replacements)),
                    StandardCharsets.UTF_8);
            readable(target.resolve("kernel.json"));
            return new GradingRuntime(root, replacements.size());
        } catch (IOException | RuntimeException e) {
            Folders.delete(root);
            throw e;
        }
    }

    /** The kernelspec file Jupyter would use for {@code name}, searched in its order. */
    static Path find(String name, Optional<Path> kernelspecs) {
        List<Path> folders = new ArrayList<>();
        kernelspecs.ifPresent(folders::add);
        String jupyterPath = System.getenv("JUPYTER_PATH");
        if (jupyterPath != null) {
            Stream.of(jupyterPath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(folders::add);
        }
        folders.add(Path.of(System.getProperty("user.home"), ".local/share/jupyter"));
        folders.add(Path.of("/usr/local/share/jupyter"));
        folders.add(Path.of("/usr/share/jupyter"));
        for (Path folder : folders) {
            Path spec = folder.resolve("kernels").resolve(name).resolve("kernel.json");
            if (Files.isRegularFile(spec)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("no kernelspec \"" + name + "\" in " + folders
                + ": run ./course setup, which installs the course's");
    }

    /** Every existing absolute path named in the spec's command line and environment (path lists split). */
    private static List<String> paths(JsonObject kernel) {
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        List<String> values = new ArrayList<>();
        kernel.getAsJsonArray("argv").forEach(arg -> values.add(arg.getAsString()));
        if (kernel.get("env") instanceof JsonObject env) {
            env.entrySet().forEach(entry -> values.add(entry.getValue().getAsString()));
        }
        for (String value : values) {
            for (String part : value.split(File.pathSeparator)) {
                if (part.startsWith("/") && Files.exists(Path.of(part))) {
                    paths.add(part);
                }
            }
        }
        return List.copyOf(paths);
    }

    /** Copies (or hard-links) what {@code user} cannot read into {@code lib}; returns original -> staged path. */
    private static Map<String, String> stageUnreadable(List<String> paths, GradingUser user, Path lib)
            throws IOException {
        Map<String, String> replacements = new LinkedHashMap<>();
        List<String> unreadable = user.unreadable(paths);
        if (unreadable.isEmpty()) {
            return replacements;
        }
        Files.createDirectories(lib);
        readable(lib);
        for (String path : unreadable) {
            Path source = Path.of(path);
            // Numbered, so two jars of the same name cannot collide; the name kept for the instructor's eyes.
            Path target = lib.resolve(replacements.size() + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                copyFile(source, target);
            }
            replacements.put(path, target.toString());
        }
        return replacements;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : tree.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                    readable(to);
                } else if (Files.isRegularFile(from)) {
                    copyFile(from, to);
                }
            }
        }
    }

    private static void copyFile(Path source, Path target) throws IOException {
        if (Files.getPosixFilePermissions(source).contains(PosixFilePermission.OTHERS_READ)) {
            try {
                Files.createLink(target, source); // instant, and the file is readable by all already
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system: copy below
            }
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        readable(target);
    }

    /** Adds read (and, for folders, enter) permission for everyone to {@code dir} and all under it. */
    private static void readableByAll(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> wanted = folder
                        ? EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)
                        : EnumSet.of(PosixFilePermission.OTHERS_READ);
                if (!Files.isSymbolicLink(path) && !permissions.containsAll(wanted)) {
                    permissions.addAll(wanted);
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }

    private static void readable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
                : "rw-r--r--"));
    }

    /** The spec with each staged path replaced, inside path lists too. */
    private static JsonObject rewritten(JsonObject kernel, Map<String, String> replacements) {
        JsonObject copy = kernel.deepCopy();
        JsonArray argv = new JsonArray();
        kernel.getAsJsonArray("argv").forEach(arg -> argv.add(replaced(arg, replacements)));
        copy.add("argv", argv);
        if (kernel.get("env") instanceof JsonObject env) {
            JsonObject newEnv = new JsonObject();
            env.entrySet().forEach(entry -> newEnv.add(entry.getKey(), replaced(entry.getValue(), replacements)));
            copy.add("env", newEnv);
        }
        return copy;
    }

    private static JsonPrimitive replaced(JsonElement value, Map<String, String> replacements) {
        List<String> parts = new ArrayList<>();
        for (String part : value.getAsString().split(File.pathSeparator, -1)) {
            parts.add(replacements.getOrDefault(part, part));
        }
        return new JsonPrimitive(String.join(File.pathSeparator, parts));
    }

    @Override
    public void close() throws IOException {
        Folders.delete(root);
    }
}
