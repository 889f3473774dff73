package dev.jft.data.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeParserTest {

    private static ParsedMail parse(String raw) {
        return MimeParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void plainMessageWithCrLf() {
        ParsedMail mail = parse("Subject: Hi\r\nFrom: a@b\r\n\r\nLine one\r\nLine two\r\n");
        assertEquals("Hi", mail.subject());
        assertEquals("Line one\r\nLine two", mail.body());
        assertEquals(List.of(), mail.problems());
    }

    @Test
    void nestedMultipartWithPrefixBoundaries() {
        String raw = "Subject: x\nContent-Type: multipart/related; boundary=\"B\"\n\n--B\n"
                + "Content-Type: multipart/alternative; boundary=\"BAA\"\n\n--BAA\nContent-Type: text/html\n\n"
                + "<p>html</p>\n--BAA\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + "cGxhaW4gw6k=\n--BAA--\n--B--\n";
        assertEquals("plain é", parse(raw).body());
    }

    @Test
    void unknownCharsetFallsBackAndSaysSo() {
        ParsedMail mail = parse("Content-Type: text/plain; charset=\"DEFAULT_CHARSET\"\n\nna\u00efve\n");
        assertEquals("naïve", mail.body());
        assertEquals(List.of("unknown charset 'DEFAULT_CHARSET' read as windows-1252"), mail.problems());
    }

    @Test
    void invalidUtf8IsReplacedAndNoted() {
        ParsedMail mail = parse("Content-Type: text/plain; charset=utf-8\n\nbad \u00ff byte\n");
        assertTrue(mail.body().contains("\uFFFD"));
        assertEquals(List.of("invalid UTF-8 bytes replaced by U+FFFD"), mail.problems());
    }

    @Test
    void encodedWordsAndQuotedPrintableUnderscores() {
        assertEquals("Hello world and more", parse("Subject: =?us-ascii?Q?Hello_world?= and more\n\nx").subject());
    }

    @Test
    void embeddedMessageBodyIsIncluded() {
        String raw = "Content-Type: message/rfc822\n\nSubject: inner\n\nforwarded text\n";
        assertEquals("forwarded text", parse(raw).body());
    }

    @Test
    void tolerantBase64() {
        assertEquals("hello", new String(TransferDecoding.base64("aGVs\nbG8".getBytes()), StandardCharsets.US_ASCII));
    }
}
