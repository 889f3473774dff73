package dev.jft.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentimentDataTest {

    @Test
    void loadsSentencesAndReportsTheEmptyEntries() {
        LoadResult<Sentence> data = SentimentData.load(Fixtures.path("sentiment"));

        assertEquals(List.of(
                new Sentence("A very, very slow movie.", "negative", "imdb"),
                new Sentence("Loved it!", "positive", "imdb"),
                new Sentence("Works great.", "positive", "amazon"),
                new Sentence("Broke after a day.", "negative", "amazon"),
                new Sentence("Wow... Loved this place.", "positive", "yelp"),
                new Sentence("Never again.", "negative", "yelp")), data.records());
        assertEquals(6, data.report().keptCount());
        assertEquals(4, data.report().droppedCount("empty text"), "3 terminators + 1 blank text");
        assertTrue(data.report().examples("empty text").contains("imdb.json entry 3"));
    }

    @Test
    void tableHasOneRowPerSentence() {
        Table table = SentimentData.load(Fixtures.path("sentiment")).table();
        assertEquals(List.of("text", "label", "source"), table.columnNames());
        assertEquals(6, table.rowCount());
        assertEquals("yelp", table.stringColumn("source").get(5));
    }

    @Test
    void malformedJsonNamesFileAndLine() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> SentimentData.load(Fixtures.path("sentiment-badjson")));
        assertTrue(e.getMessage().contains("yelp.json line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("expected an array"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void classesOutsideZeroAndOneAreListedTogether() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> SentimentData.load(Fixtures.path("sentiment-badclass")));
        assertTrue(e.getMessage().contains("\"2\" (first at yelp.json entry 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("\"7\" (first at yelp.json entry 3)"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> SentimentData.load(Fixtures.path("brown")));
        assertTrue(e.getMessage().contains("imdb.json"), e.getMessage());
    }
}
