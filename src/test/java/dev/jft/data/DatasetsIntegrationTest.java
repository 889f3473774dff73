package dev.jft.data;

import dev.jft.data.fetch.CacheDir;
import dev.jft.data.fetch.Catalog;
import dev.jft.data.fetch.DatasetFetcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real data sets, fetched into the cache by {@link Datasets#ensure} when absent (npm and
 * apt-get needed once; later runs are offline). Asserts the counts written in the data cards.
 */
@Tag("integration")
class DatasetsIntegrationTest {

    private static <T> Map<String, Long> count(List<T> records, Function<T, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void sentimentHas3000BalancedSentences() {
        LoadResult<Sentence> data = SentimentData.load();
        assertEquals(3000, data.size());
        assertEquals(3, data.report().droppedCount("empty text"));
        assertEquals(3, data.report().droppedCount());
        for (String source : SentimentData.SOURCES) {
            List<Sentence> part = data.records().stream().filter(s -> s.source().equals(source)).toList();
            assertEquals(Map.of("negative", 500L, "positive", 500L), count(part, Sentence::label), source);
        }
    }

    @Test
    void spamCountsBeforeAndAfterDeduplication() {
        LoadResult<Email> data = SpamData.load();
        assertEquals(6046, data.report().keptCount() + data.report().droppedCount(), "messages in the package");
        assertEquals(134, data.report().droppedCount("near duplicate"));
        assertEquals(0, data.report().droppedCount("empty text"));
        assertEquals(5912, data.size());
        assertEquals(Map.of("easy_ham", 3860L, "hard_ham", 248L, "spam", 1804L), count(data.records(), Email::group));
        assertEquals(Map.of("ham", 4108L, "spam", 1804L), count(data.records(), Email::label));
    }

    @Test
    void brownHas500DocumentsIn15Genres() {
        LoadResult<BrownDocument> data = BrownData.load();
        assertEquals(500, data.size());
        Map<String, Long> genres = count(data.records(), BrownDocument::genre);
        assertEquals(15, genres.size());
        assertEquals(80L, genres.get("learned"));
        assertEquals(6L, genres.get("science_fiction"));
        assertEquals(57_340, data.records().stream().mapToInt(d -> d.sentences().size()).sum());
        assertEquals(1_161_192, data.records().stream().mapToInt(BrownDocument::tokenCount).sum());
        assertEquals(43_179, data.records().stream().flatMap(d -> d.sentences().stream()).flatMap(List::stream)
                .filter(TaggedToken::isProperNoun).count());
    }

    @Test
    void austenHasSixNovels() {
        LoadResult<Novel> data = AustenData.load();
        assertEquals(List.of(12_624, 13_030, 15_349, 16_235, 7_856, 8_328),
                data.records().stream().map(n -> n.lines().size()).toList());
        assertEquals("It is a truth universally acknowledged, that a single man in possession",
                data.records().get(1).lines().get(9));
    }

    @Test
    void sotuHas233Addresses() {
        LoadResult<Address> data = SotuData.load();
        assertEquals(233, data.size());
        assertEquals(1790, data.records().get(0).year());
        assertEquals(2021, data.records().get(232).year());
        assertEquals(Map.of("Republican", 92L, "Democratic", 90L, "Democratic-Republican", 28L, "none", 7L,
                "Federalist", 4L, "Whig", 4L, "Whig & Democratic", 4L, "National Union", 4L),
                count(data.records(), Address::party));
    }

    @Test
    void cachedDataSetsVerifyOffline() {
        DatasetFetcher offline = new DatasetFetcher(CacheDir.fromEnvironment(), true,
                new PrintStream(OutputStream.nullOutputStream()));
        for (String name : Catalog.names()) {
            Datasets.ensure(name);   // fetched if this test runs first
            assertEquals(CacheDir.fromEnvironment().dataDir(Catalog.get(name)), offline.ensure(Catalog.get(name)));
        }
    }
}
