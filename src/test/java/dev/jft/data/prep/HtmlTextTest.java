package dev.jft.data.prep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {

    @Test
    void dropsHiddenPartsAndKeepsBlocksAsLines() {
        String html = "<html><head><title>T</title><script>var x = '<p>';</script></head><body><!-- c -->"
                + "<div>One\n two</div><ul><li>A &amp; B</li><li>&#233;&#x20AC;&unknown;</li></ul></body></html>";
        assertEquals("One two\nA & B\né€&unknown;", HtmlText.toText(html));
    }

    @Test
    void recognisesHtml() {
        assertTrue(HtmlText.looksLikeHtml("<BODY bgcolor=white>hi"));
        assertFalse(HtmlText.looksLikeHtml("if a < b and c > d"));
    }
}
