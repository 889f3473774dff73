package dev.jft.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFileLoaderTest {

    @Test
    void csvWithQuotesEscapesAndLineBreaks() {
        LoadResult<LabeledText> data = TextFileLoader.csv(Fixtures.path("user/reviews.csv"))
                .textColumn("review").labelColumn("stars").load();

        assertEquals(List.of(new LabeledText("Great, really great", "pos", 2),
                new LabeledText("He said \"meh\"\nand left", "neg", 3)), data.records());
        assertEquals(1, data.report().droppedCount("empty text"));
        assertEquals(List.of("line 5"), data.report().examples("empty text"), "line counts the quoted line break");
        assertEquals(1, data.report().droppedCount("missing label"));
    }

    @Test
    void labelsOutsideTheDeclaredSetAreAllListed() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TextFileLoader.csv(Fixtures.path("user/badlabels.csv")).textColumn("review").labelColumn("stars")
                        .labels("pos", "neg").load());
        assertTrue(e.getMessage().contains("\"negative\" (first at line 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("\"awful\" (first at line 4)"), e.getMessage());
    }

    @Test
    void unknownColumnListsTheHeader() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TextFileLoader.csv(Fixtures.path("user/reviews.csv")).textColumn("body").load());
        assertTrue(e.getMessage().contains("a column named 'body'"), e.getMessage());
        assertTrue(e.getMessage().contains("[id, review, stars]"), e.getMessage());
        assertTrue(e.getMessage().contains(".textColumn(name)"), "the message names the fix: " + e.getMessage());
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(Fixtures.path("user/unterminated.csv")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("closing quote"), e.getMessage());
    }

    @Test
    void wrongFieldCountIsAnError() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(Fixtures.path("user/columns.csv")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("expected 3 fields like the header, found 2 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("must be in double quotes"), "the message names the fix: " + e.getMessage());
    }

    @Test
    void quoteInsideAnUnquotedFieldIsAnError() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.parse(java.nio.file.Path.of("x.csv"), "a,b\n1,say \"hi\"\n"));
        assertEquals(2, e.line());
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TextFileLoader.csv(Fixtures.path("user/latin1.csv")).load());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("latin1.csv line 3"), e.getMessage());
    }

    @Test
    void jsonLinesWithChosenFields() {
        LoadResult<LabeledText> data = TextFileLoader.jsonl(Fixtures.path("user/tickets.jsonl"))
                .textColumn("body").labelColumn("queue").labels("it", "billing").load();
        assertEquals(List.of(new LabeledText("Printer on fire", "it", 1), new LabeledText("Refund please", "billing", 3)),
                data.records());
        assertEquals(1, data.report().droppedCount("empty text"));
        assertEquals(1, data.report().droppedCount("missing label"));
        assertEquals(List.of("text", "label"), data.table().columnNames());
    }

    @Test
    void malformedJsonLineIsNamed() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TextFileLoader.jsonl(Fixtures.path("user/bad.jsonl")).textColumn("body").labelColumn("queue").load());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("a JSON object per line"), e.getMessage());
    }
}
