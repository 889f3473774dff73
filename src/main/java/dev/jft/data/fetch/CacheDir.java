package dev.jft.data.fetch;

import dev.jft.course.Course;
import java.nio.file.Path;

/**
 * Where fetched data sets live: {@code <project>/.cache/datasets} by default, or the folder in
 * the environment variable {@code COURSE_DATA_DIR}. Per data set it holds the archive as fetched
 * and the unpacked files, with a marker written only after unpacking succeeded.
 *
 * <pre>{@code
 * CacheDir cache = CacheDir.fromEnvironment();
 * Path files = cache.unpacked(Catalog.get("brown"));
 * }</pre>
 */
public record CacheDir(Path root) {

    /** Environment variable that moves the cache. */
    public static final String ENV = "COURSE_DATA_DIR";

    /** {@code COURSE_DATA_DIR} if set, else {@code datasets} in the course cache ({@link Course#cache()}). */
    public static CacheDir fromEnvironment() {
        String dir = System.getenv(ENV);
        if (dir != null && !dir.isBlank()) {
            return new CacheDir(Path.of(dir).toAbsolutePath());
        }
        return new CacheDir(Course.cache().resolve("datasets"));
    }

    /** Folder of one data set in the cache. */
    public Path folder(DatasetSpec spec) {
        return root.resolve(spec.name());
    }

    /** The archive as the client wrote it. */
    public Path archive(DatasetSpec spec) {
        return folder(spec).resolve(spec.source().fileName());
    }

    /** The unpacked package. */
    public Path unpacked(DatasetSpec spec) {
        return folder(spec).resolve("unpacked");
    }

    /** The folder of the unpacked package that loaders read. */
    public Path dataDir(DatasetSpec spec) {
        return unpacked(spec).resolve(spec.dataDir());
    }

    /** Written last when unpacking; holds the archive's SHA-256. */
    Path marker(DatasetSpec spec) {
        return folder(spec).resolve("unpacked.sha256");
    }
}
