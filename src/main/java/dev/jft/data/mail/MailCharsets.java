package dev.jft.data.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns part bytes into text with the declared charset. Mail from 2002 often declares charsets
 * wrongly or not at all, so decoding falls back (declared, else US-ASCII read as windows-1252)
 * and every fallback is recorded as a problem instead of passing unnoticed.
 */
final class MailCharsets {

    /** windows-1252 decodes every byte senders of that era used; used when the declaration fails. */
    static final Charset FALLBACK = Charset.forName("windows-1252");

    private MailCharsets() {
    }

    /**
     * Decodes bytes.
     *
     * @param declared the charset parameter, may be empty
     * @param problems receives a line for each fallback taken
     */
    static String decode(byte[] bytes, String declared, List<String> problems) {
        Charset charset = lookup(declared, problems);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if (charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)) {
                if (!declared.isBlank()) {
                    problems.add("bytes outside " + charset.name() + ", read as windows-1252");
                }
                return new String(bytes, FALLBACK);
            }
            problems.add("invalid " + charset.name() + " bytes replaced by U+FFFD");
            return new String(bytes, charset);
        }
    }

    private static Charset lookup(String declared, List<String> problems) {
        String name = declared.strip();
        if (name.isEmpty()) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            problems.add("unknown charset '" + name + "' read as windows-1252");
            return FALLBACK;
        }
    }
}
