package dev.jft.data.prep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextCleanerTest {

    @Test
    void standardCleaningKeepsCase() {
        String raw = "<p>Mail  Me at a.b@c.org or see https://x.org/y?q=1.</p>\n<p>ﬁne ＡＢＣ</p>";
        assertEquals("Mail Me at [EMAIL] or see [URL]. fine ABC", TextCleaner.standard().apply(raw));
    }

    @Test
    void stepsRunInTheOrderChosen() {
        TextCleaner clean = TextCleaner.create().replaceUrls("").collapseWhitespace().lowercase();
        assertEquals("visit now", clean.apply("Visit www.spam.example/offer  NOW"));
        assertNull(clean.apply(null));
    }

    @Test
    void noStepsReturnsTheInput() {
        assertEquals(" a  b ", TextCleaner.create().apply(" a  b "));
    }
}
