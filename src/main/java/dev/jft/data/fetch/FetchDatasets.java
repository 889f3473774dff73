package dev.jft.data.fetch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: fetches, verifies and unpacks the course data sets into the cache.
 *
 * <pre>{@code
 * java -cp <classpath> dev.jft.data.fetch.FetchDatasets --all
 * java -cp <classpath> dev.jft.data.fetch.FetchDatasets sentiment spam --cache /data/course
 * java -cp <classpath> dev.jft.data.fetch.FetchDatasets --all --offline   # only verify the cache
 * }</pre>
 * Exit status 0 when every data set is ready, 1 when one failed (the message says why and which
 * command fixes it), 2 for bad arguments.
 */
public final class FetchDatasets {

    private FetchDatasets() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        boolean offline = DatasetFetcher.offlineFromEnvironment();
        CacheDir cache = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--all" -> names.addAll(Catalog.names());
                case "--offline" -> offline = true;
                case "--cache" -> {
                    if (i + 1 == args.length) {
                        usage("--cache needs a folder");
                    }
                    cache = new CacheDir(Path.of(args[++i]).toAbsolutePath());
                }
                case "--help", "-h" -> usage(null);
                default -> {
                    if (args[i].startsWith("-") || !Catalog.names().contains(args[i])) {
                        usage("unknown argument '" + args[i] + "'");
                    }
                    names.add(args[i]);
                }
            }
        }
        if (names.isEmpty()) {
            usage("name at least one data set, or --all");
        }
        System.exit(run(names.stream().distinct().toList(), cache == null ? CacheDir.fromEnvironment() : cache, offline));
    }

    static int run(List<String> names, CacheDir cache, boolean offline) {
        DatasetFetcher fetcher = new DatasetFetcher(cache, offline, System.out);
        int failures = 0;
        for (String name : names) {
            long start = System.nanoTime();
            try {
                Path dir = fetcher.ensure(Catalog.get(name));
                System.out.printf("%-9s ready (%.1f s): %s%n", name, (System.nanoTime() - start) / 1e9, dir);
            } catch (RuntimeException e) {
                failures++;
                System.err.println(name + ": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("FetchDatasets: " + problem);
        }
        System.err.println("Usage: FetchDatasets (--all | NAME...) [--offline] [--cache DIR]");
        System.err.println("  names: " + String.join(", ", Catalog.names()));
        System.err.println("  --offline (or COURSE_OFFLINE=1): only verify the cache, run no client");
        System.err.println("  --cache DIR (or COURSE_DATA_DIR): cache folder, default <project>/.cache/datasets");
        System.exit(problem == null ? 0 : 2);
    }
}
