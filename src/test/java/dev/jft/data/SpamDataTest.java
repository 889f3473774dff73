package dev.jft.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamDataTest {

    private final LoadResult<Email> data = SpamData.load(Fixtures.path("spam"));

    private Email byId(String prefix) {
        return data.records().stream().filter(e -> e.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void dropsEmptyMessagesAndNearDuplicates() {
        assertEquals(4, data.size());
        assertEquals(1, data.report().droppedCount("empty text"));
        assertEquals(1, data.report().droppedCount("near duplicate"), "00002 repeats 00001 up to case and spacing");
        assertEquals(List.of("easy-ham-1/00001.aaa.txt", "hard-ham-1/00001.ccc.txt", "spam-1/00001.ddd.txt",
                "spam-1/00003.fff.txt"), data.records().stream().map(Email::id).toList());
    }

    @Test
    void labelsAndGroupsComeFromTheFolder() {
        assertEquals("ham", byId("easy-ham-1").label());
        assertEquals("easy_ham", byId("easy-ham-1").group());
        assertEquals("hard_ham", byId("hard-ham-1").group());
        assertEquals("spam", byId("spam-1/00001").label());
    }

    @Test
    void foldedSubjectIsUnfolded() {
        assertEquals("Re: New Sequences Window", byId("easy-ham-1").subject());
    }

    @Test
    void alternativePartsPreferPlainTextAndDecodeQuotedPrintable() {
        Email mail = byId("hard-ham-1");
        assertEquals("Café news— weekly", mail.subject());
        assertEquals("Our café opens at 9:00. This line is soft wrapped.", mail.body());
    }

    @Test
    void base64HtmlIsDecodedWithItsCharsetAndTurnedIntoText() {
        Email mail = byId("spam-1/00001");
        assertEquals("Win €100 & more!\nClick here now", mail.body());
    }

    @Test
    void attachmentsAreLeftOutAndUndeclaredBytesAreNoted() {
        Email mail = byId("spam-1/00003");
        assertEquals("Pay now, señor.", mail.body());
        assertFalse(mail.body().contains("TVqQ"));
        assertEquals(Map.of(), data.report().notes(), "no declared charset: read as windows-1252 without a note");
    }

    @Test
    void unknownGroupFolderIsAnError() {
        assertThrows(DataFormatException.class, () -> SpamData.groupOf("ham-fixtures"));
        assertEquals("easy_ham", SpamData.groupOf("easy-ham-2"));
    }
}
