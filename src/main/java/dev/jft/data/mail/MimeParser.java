package dev.jft.data.mail;

import dev.jft.data.prep.HtmlText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small MIME parser for raw RFC 822 messages, enough to get the text out of the SpamAssassin
 * corpus: nested multipart (alternative prefers text/plain), quoted-printable and base64, declared
 * charsets, encoded-word subjects, HTML turned into text, embedded message/rfc822. Attachments
 * and non-text parts are left out.
 *
 * <pre>{@code
 * ParsedMail mail = MimeParser.parse(Files.readAllBytes(Path.of("00001.txt")));
 * System.out.println(mail.subject() + "\n" + mail.body());
 * }</pre>
 */
public final class MimeParser {

    private static final int MAX_DEPTH = 10;

    private MimeParser() {
    }

    /** Parses a whole message (headers, blank line, body). */
    public static ParsedMail parse(byte[] raw) {
        List<String> problems = new ArrayList<>();
        Part message = Part.split(raw);
        String subject = EncodedWords.decode(message.headers.get("subject"), problems).strip();
        String body = text(message, problems, 0).strip();
        return new ParsedMail(subject, body, List.copyOf(problems));
    }

    private static String text(Part part, List<String> problems, int depth) {
        String type = part.headers.mediaType();
        if (depth > MAX_DEPTH) {
            problems.add("MIME nesting deeper than " + MAX_DEPTH + " left out");
            return "";
        }
        if (type.startsWith("multipart/")) {
            return multipart(part, type, problems, depth);
        }
        if (type.equals("message/rfc822")) {
            return text(Part.split(body(part)), problems, depth + 1);
        }
        if (!type.startsWith("text/") || part.headers.isAttachment()) {
            return "";
        }
        String text = MailCharsets.decode(body(part), part.headers.contentTypeParameter("charset"), problems);
        // Many spam messages send HTML while declaring text/plain, or declare nothing.
        return type.equals("text/html") || HtmlText.looksLikeHtml(text) ? HtmlText.toText(text) : text;
    }

    private static byte[] body(Part part) {
        return TransferDecoding.decode(part.body, part.headers.get("content-transfer-encoding"));
    }

    private static String multipart(Part part, String type, List<String> problems, int depth) {
        String boundary = part.headers.contentTypeParameter("boundary");
        if (boundary.isEmpty()) {
            problems.add("multipart without boundary read as text");
            return MailCharsets.decode(part.body, "", problems);
        }
        List<Part> parts = Part.splitMultipart(part.body, boundary);
        if (parts.isEmpty()) {
            problems.add("multipart boundary never found, read as text");
            return MailCharsets.decode(part.body, "", problems);
        }
        if (type.equals("multipart/alternative")) {
            Part best = parts.stream().filter(p -> p.headers.mediaType().equals("text/plain")).findFirst()
                    .orElse(parts.get(parts.size() - 1));
            return text(best, problems, depth + 1);
        }
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            String t = text(p, problems, depth + 1).strip();
            if (!t.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n\n").append(t);
            }
        }
        return out.toString();
    }

    /** Headers and raw body bytes of a message or part. */
    private record Part(MailHeaders headers, byte[] body) {

        static Part split(byte[] raw) {
            int end = headerEnd(raw);
            String headerBlock = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, bodyStart(raw, end), raw.length);
            return new Part(MailHeaders.parse(headerBlock), body);
        }

        /** Index of the line break that starts the blank line ending the headers, or -1. */
        private static int headerEnd(byte[] raw) {
            if (raw.length > 0 && (raw[0] == '\n' || raw[0] == '\r')) {
                return 0;   // a part with no headers
            }
            for (int i = 0; i + 1 < raw.length; i++) {
                if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                    return i;
                }
            }
            return -1;
        }

        private static int bodyStart(byte[] raw, int end) {
            int i = end;
            int breaks = 0;
            while (i < raw.length && breaks < 2 && (raw[i] == '\n' || raw[i] == '\r')) {
                if (raw[i] == '\n') {
                    breaks++;
                }
                i++;
            }
            return i;
        }

        /** The parts between {@code --boundary} lines, up to {@code --boundary--}. */
        static List<Part> splitMultipart(byte[] body, String boundary) {
            String text = new String(body, StandardCharsets.ISO_8859_1);   // 1 char per byte: offsets agree
            // Compared without spaces: some senders write the boundary differently in header and body.
            String delimiter = ("--" + boundary).replace(" ", "");
            List<Part> parts = new ArrayList<>();
            int start = -1;
            int lineStart = 0;
            while (lineStart < text.length()) {
                int lineEnd = text.indexOf('\n', lineStart);
                int next = lineEnd < 0 ? text.length() : lineEnd + 1;
                String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).replace(" ", "").strip();
                boolean last = line.equals(delimiter + "--");
                if (last || line.equals(delimiter)) {
                    if (start >= 0) {
                        parts.add(split(text.substring(start, Math.max(start, lineStart - 1))
                                .getBytes(StandardCharsets.ISO_8859_1)));
                    }
                    if (last) {
                        return parts;
                    }
                    start = next;
                }
                lineStart = next;
            }
            if (start >= 0 && start < text.length()) {
                parts.add(split(text.substring(start).getBytes(StandardCharsets.ISO_8859_1)));   // no closing line
            }
            return parts;
        }
    }
}
