package dev.jft.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrownDataTest {

    private final LoadResult<BrownDocument> brown = BrownData.load(Fixtures.path("brown"));

    @Test
    void loadsDocumentsWithGenresAndSentences() {
        assertEquals(2, brown.size());
        BrownDocument news = brown.records().get(0);
        assertEquals("ca01", news.id());
        assertEquals("news", news.genre());
        assertEquals(2, news.sentences().size());
        assertEquals(new TaggedToken("Fulton", "np-tl"), news.sentences().get(0).get(1));
        assertEquals(new TaggedToken("1/2", "cd"), news.sentences().get(1).get(2), "split at the last slash");
        assertEquals("editorial", brown.records().get(1).genre());
    }

    @Test
    void proseUndoesBrownsTokenization() {
        List<TaggedToken> tokens = java.util.Arrays.stream("He said , `` I do n't know . '' ( It 's 5 % . )".split(" "))
                .map(word -> new TaggedToken(word, "x")).toList();
        BrownDocument document = new BrownDocument("cx01", "test", List.of(tokens, List.of(new TaggedToken("Yes", "uh"))));
        assertEquals("He said , `` I do n't know . '' ( It 's 5 % . )\nYes", document.text());
        assertEquals("He said, \"I don't know.\" (It's 5%.)\nYes", document.prose());
    }

    @Test
    void properNounTaskMarksNpTagsOnly() {
        List<String> labels = brown.records().get(0).sentences().get(0).stream()
                .map(TaggedToken::properNounLabel).toList();
        assertEquals(List.of("O", "PROPN", "O", "O", "O", "O", "O", "O", "O", "O", "PROPN", "O", "O", "O", "O"), labels);
    }

    @Test
    void tokenTableHasOneRowPerToken() {
        Table tokens = BrownData.tokenTable(brown.records());
        assertEquals(15 + 5 + 5 + 4, tokens.rowCount());
        assertEquals(3, tokens.booleanColumn("propn").countTrue());
        Table docs = brown.table();
        assertEquals(List.of(20, 9), docs.intColumn("tokens").asList());
    }

    @Test
    void tokenWithoutTagIsAnErrorWithLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\n");
        Files.writeString(dir.resolve("ca01"), "\n\n\tThe/at jury\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BrownData.load(dir));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'jury'"), e.getMessage());
    }

    @Test
    void documentMissingFromFolderIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BrownData.load(dir));
        assertTrue(e.getMessage().contains("ca01"), e.getMessage());
    }
}
