package dev.jft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the real MiniLM tokenizer.json (which pads to 128 on its own: we override that). */
class TextTokenizerTest {

    private static String json;
    private static TextTokenizer dynamic;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TextTokenizerTest.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        dynamic = TextTokenizer.builder(json).maxLength(8).build();
    }

    @AfterAll
    static void close() {
        dynamic.close();
    }

    @Test
    void dynamicPaddingPadsToTheLongestOfTheBatch() {
        TokenBatch batch = dynamic.encode(List.of("hello world", "hi"), new int[] {1, 0});
        assertEquals(4, batch.length()); // [CLS] hello world [SEP]
        assertArrayEquals(new long[] {101, 7592, 2088, 102}, batch.inputIds()[0]);
        assertArrayEquals(new long[] {101, 7632, 102, 0}, batch.inputIds()[1]);
        assertArrayEquals(new long[] {1, 1, 1, 0}, batch.attentionMask()[1]);
        assertArrayEquals(new int[] {1, 0}, batch.labels());
    }

    @Test
    void fixedPaddingPadsToMaxLengthAndTruncates() {
        try (TextTokenizer fixed = TextTokenizer.builder(json).maxLength(6).padding(Padding.FIXED).build()) {
            TokenBatch batch = fixed.encode(List.of("hi", "one two three four five six seven"));
            assertEquals(6, batch.length());
            assertEquals(102, batch.inputIds()[1][5]); // truncated, still ends with [SEP]
            assertEquals(3, Arrays.stream(batch.attentionMask()[0]).sum());
        }
    }

    @Test
    void truncationReportCountsCutInputs() {
        TruncationReport report = dynamic.truncationReport(List.of("short", "one two three four five six seven eight"));
        assertEquals(2, report.inputs());
        assertEquals(1, report.truncated());
        assertEquals(10, report.longest());
        assertTrue(report.toString().contains("1 of 2"), report.toString());
        assertArrayEquals(new int[] {3, 8}, dynamic.lengths(List.of("short", "one two three four five six seven eight")));
    }

    @Test
    void emptyTextNamesTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dynamic.encode(List.of("fine", "  ", "also fine")));
        assertTrue(e.getMessage().contains("Row 1"), e.getMessage());
    }

    @Test
    void wordLabelsGoToTheFirstSubword() {
        List<String> words = List.of("Jane", "visited", "Aukland");
        TokenBatch batch = dynamic.encodeWords(List.of(words, List.of("Hi")), List.of(new int[] {1, 0, 2}, new int[] {0}));
        int[] labels = batch.tokenLabels()[0];
        long[] ids = batch.inputIds()[0];
        assertEquals(TokenBatch.IGNORE_LABEL, labels[0]); // [CLS]
        assertEquals(1, labels[1]);                       // jane
        assertEquals(0, labels[2]);                       // visited
        assertEquals(2, labels[3]);                       // first piece of aukland
        assertTrue(ids.length > 5, "Aukland should split into sub-words");
        for (int t = 4; t < ids.length; t++) {
            assertEquals(TokenBatch.IGNORE_LABEL, labels[t], "position " + t);
        }
        assertEquals(TokenBatch.IGNORE_LABEL, batch.tokenLabels()[1][3]); // padding
    }
}
