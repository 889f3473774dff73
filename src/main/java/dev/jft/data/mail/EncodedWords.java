package dev.jft.data.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes RFC 2047 encoded words in header values: {@code =?utf-8?B?...?=} and {@code =?iso-8859-1?Q?...?=}. */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    /** The header value with encoded words decoded; the rest is kept (its bytes read as ISO-8859-1). */
    static String decode(String value, List<String> problems) {
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");   // white space between words is dropped
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            byte[] payload = m.group(3).getBytes(StandardCharsets.ISO_8859_1);
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? TransferDecoding.base64(payload) : TransferDecoding.quotedPrintable(payload, true);
            String charset = m.group(1).replaceFirst("\\*.*$", "");   // RFC 2231 language suffix
            m.appendReplacement(out, Matcher.quoteReplacement(MailCharsets.decode(bytes, charset, problems)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
