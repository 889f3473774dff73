package dev.jft.kernel.magic;

import dev.jft.course.Folders;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves Maven artifacts with their transitive dependencies by running the {@code mvn} on PATH
 * on a throw-away pom ({@code dependency:build-classpath}); backs {@code %maven} and
 * {@code %%loadFromPOM}.
 *
 * <pre>{@code
 * List<Path> jars = new MavenResolver().resolveCoordinates(List.of("org.apache.commons:commons-lang3:3.14.0"));
 * }</pre>
 */
public final class MavenResolver {

    /** The dependency plugin goal, pinned so resolution does not depend on Maven's defaults. */
    static final String GOAL = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";
    private static final long TIMEOUT_MINUTES = 10;

    private final String mavenCommand;

    /** Uses the {@code mvn} found on PATH (checked when resolving). */
    public MavenResolver() {
        this("mvn");
    }

    /** Uses {@code mavenCommand} (a name looked up on PATH, or a path). */
    public MavenResolver(String mavenCommand) {
        this.mavenCommand = mavenCommand;
    }

    /** Jars for coordinates {@code group:artifact:version} (also {@code g:a:packaging:version}, {@code g:a:packaging:classifier:version}). */
    public List<Path> resolveCoordinates(List<String> coordinates) throws MagicException {
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-lang3:3.14.0");
        }
        StringBuilder dependencies = new StringBuilder();
        for (String coordinate : coordinates) {
            dependencies.append(dependencyXml(coordinate));
        }
        return resolvePom(pomWith("<dependencies>\n" + dependencies + "</dependencies>\n"));
    }

    /** Jars for a whole pom, a {@code <dependencies>} block or {@code <dependency>} elements. */
    public List<Path> resolvePomText(String text) throws MagicException {
        String body = text.strip();
        if (body.contains("<project")) {
            return resolvePom(body);
        }
        if (body.contains("<dependencies")) {
            return resolvePom(pomWith(body));
        }
        if (body.contains("<dependency")) {
            return resolvePom(pomWith("<dependencies>\n" + body + "\n</dependencies>"));
        }
        throw new MagicException("%%loadFromPOM expects a pom.xml, a <dependencies> block or <dependency> elements");
    }

    static String dependencyXml(String coordinate) throws MagicException {
        String[] parts = coordinate.strip().split(":");
        if (parts.length < 3 || parts.length > 5 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new MagicException("'" + coordinate + "' is not group:artifact:version (e.g. org.apache.commons:commons-lang3:3.14.0)");
        }
        StringBuilder xml = new StringBuilder("  <dependency><groupId>").append(parts[0])
                .append("</groupId><artifactId>").append(parts[1]).append("</artifactId>");
        if (parts.length >= 4) {
            xml.append("<type>").append(parts[2]).append("</type>");
        }
        if (parts.length == 5) {
            xml.append("<classifier>").append(parts[3]).append("</classifier>");
        }
        return xml.append("<version>").append(parts[parts.length - 1]).append("</version></dependency>\n").toString();
    }

    static String pomWith(String dependencies) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "<modelVersion>4.0.0</modelVersion>\n"
                + "<groupId>dev.jft.kernel</groupId><artifactId>notebook-dependencies</artifactId><version>1</version>\n"
                + "<packaging>pom</packaging>\n"
                + dependencies + "\n</project>\n";
    }

    private List<Path> resolvePom(String pom) throws MagicException {
        String mvn = findMaven();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("course-kernel-maven");
            Path pomFile = Files.writeString(dir.resolve("pom.xml"), pom);
            Path output = dir.resolve("classpath.txt");
            Path log = dir.resolve("mvn.log");
            Process process = new ProcessBuilder(mvn, "-B", "-q", "-Dstyle.color=never", "-f", pomFile.toString(), GOAL,
                    "-Dmdep.outputFile=" + output, "-Dmdep.includeScope=runtime")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MagicException("Maven did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0 || !Files.exists(output)) {
                throw new MagicException("Maven could not resolve the dependencies (check the coordinates and that "
                        + "the repository is reachable):\n" + errorLines(log));
            }
            return Arrays.stream(Files.readString(output).strip().split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toList());
        } catch (IOException e) {
            throw new MagicException("Could not run Maven: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagicException("Interrupted while Maven was resolving dependencies", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private String findMaven() throws MagicException {
        if (mavenCommand.contains(File.separator)) {
            if (Files.isExecutable(Path.of(mavenCommand))) {
                return mavenCommand;
            }
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, mavenCommand);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new MagicException("%maven and %%loadFromPOM need Maven, but no '" + mavenCommand + "' was found on PATH. "
                + "Install Maven (e.g. apt-get install maven), or add jars with %jars instead.");
    }

    private static String errorLines(Path log) throws IOException {
        return errorLines(Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.<String>of());
    }

    /** ANSI colour codes, which Maven writes even with -B and -Dstyle.color=never (e.g. "ESC[0mESC[0m[ERROR]"). */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    /** Maven's closing advice, the same for every failure. */
    private static final List<String> GENERIC = List.of("To see the full stack trace", "Re-run Maven using",
            "For more information about the errors", "[Help ");

    /**
     * The lines of Maven's output that say what failed: the first {@code [ERROR]} line that is not
     * generic advice, colour codes removed; the last 15 lines when there is none.
     */
    static String errorLines(List<String> output) {
        List<String> lines = output.stream().map(l -> ANSI.matcher(l).replaceAll("")).toList();
        List<String> errors = new ArrayList<>(lines.stream()
                .filter(l -> l.startsWith("[ERROR]"))
                .filter(l -> {
                    String text = l.substring("[ERROR]".length()).strip();
                    return !text.isEmpty() && GENERIC.stream().noneMatch(text::startsWith);
                })
                .limit(1).toList());
        if (errors.isEmpty()) {
            errors.addAll(lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
        return String.join("\n", errors);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.delete(dir);
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
