package dev.jft.data.prep;

import dev.jft.data.Sentence;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataStatsTest {

    private final List<Sentence> data = List.of(new Sentence("a b c", "pos", "x"), new Sentence("a", "neg", "x"),
            new Sentence("a b c d e", "pos", "x"), new Sentence("a b", "pos", "x"));

    @Test
    void classBalanceCountsAndShares() {
        Table t = DataStats.classBalance(data, Sentence::label);
        assertEquals(List.of("neg", "pos"), t.stringColumn("label").asList());
        assertEquals(List.of(1, 3), t.intColumn("count").asList());
        assertEquals(0.75, t.doubleColumn("share").get(1), 1e-12);
    }

    @Test
    void lengthStatisticsPerLabelAndOverall() {
        Table t = DataStats.lengths(data, Sentence::text, Sentence::label, DataStats::words);
        assertEquals(List.of("(all)", "neg", "pos"), t.stringColumn("label").asList());
        assertEquals(2.75, t.doubleColumn("mean").get(0), 1e-12);
        assertEquals(2.5, t.doubleColumn("median").get(0), 1e-12);
        assertEquals(5, t.intColumn("max").get(2));
        assertEquals(5, t.intColumn("p95").get(0));
    }

    @Test
    void chartsTakeAnyLengthFunction() {
        CategoryChart balance = DataCharts.labelBalance(data, Sentence::label);
        assertEquals(1, balance.getSeriesMap().size());
        CategoryChart histogram = DataCharts.lengthHistogram(data, Sentence::text, String::length, 4);
        assertEquals(4, histogram.getSeriesMap().get("lengths").getXData().size());
    }

    @Test
    void wordsCountsWhiteSpaceSeparatedPieces() {
        assertEquals(0, DataStats.words("   "));
        assertEquals(3, DataStats.words(" a\tb\nc "));
    }
}
