package dev.jft.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The kernel's settings, read from IJava's environment variables so notebooks and setups written
 * for IJava keep working.
 *
 * <pre>{@code
 * KernelSettings settings = KernelSettings.fromEnvironment(System.getenv());
 * }</pre>
 *
 * @param classpath {@code IJAVA_CLASSPATH}: extra classpath, path-separator list, globs allowed
 * @param compilerOptions {@code IJAVA_COMPILER_OPTS}: javac options, space separated
 * @param timeoutMillis {@code IJAVA_TIMEOUT}: longest a cell may run in ms; -1 means no limit
 * @param startupScriptsPath {@code IJAVA_STARTUP_SCRIPTS_PATH}: glob of {@code .jshell} files run at start
 * @param startupScript {@code IJAVA_STARTUP_SCRIPT}: code run at start
 */
public record KernelSettings(String classpath, List<String> compilerOptions, long timeoutMillis,
                             String startupScriptsPath, String startupScript) {

    /** Settings from environment variables; unset ones take IJava's defaults. */
    public static KernelSettings fromEnvironment(Map<String, String> env) {
        String options = env.getOrDefault("IJAVA_COMPILER_OPTS", "").trim();
        return new KernelSettings(
                env.getOrDefault("IJAVA_CLASSPATH", ""),
                options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")),
                parseTimeout(env.get("IJAVA_TIMEOUT")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPTS_PATH", ""),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""));
    }

    static long parseTimeout(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis > 0 ? millis : -1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT must be a number of milliseconds (or -1 for none), got '"
                    + value + "'", e);
        }
    }
}
