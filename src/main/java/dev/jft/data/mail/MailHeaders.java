package dev.jft.data.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header block of a message or MIME part: unfolded, names case-insensitive. Header bytes are
 * read as ISO-8859-1 so that no byte is lost; encoded words (RFC 2047) are decoded on request.
 */
final class MailHeaders {

    private final List<String[]> fields = new ArrayList<>();

    /** Parses the header block (without the blank line that ends it). */
    static MailHeaders parse(String block) {
        MailHeaders headers = new MailHeaders();
        StringBuilder current = null;
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());   // folded continuation line
            } else {
                headers.add(current);
                current = new StringBuilder(line);
            }
        }
        headers.add(current);
        return headers;
    }

    private void add(StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon > 0) {
            fields.add(new String[] {field.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    field.substring(colon + 1).strip()});
        }
    }

    /** The first value of a header, or "" when absent. */
    String get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f[0].equals(key)).map(f -> f[1]).findFirst().orElse("");
    }

    /** The media type in lower case, {@code text/plain} when absent (RFC 2045 default). */
    String mediaType() {
        String value = get("content-type");
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? "text/plain" : type;
    }

    /** A parameter of Content-Type ({@code charset}, {@code boundary}), quotes removed, or "". */
    String contentTypeParameter(String name) {
        return parameter(get("content-type"), name);
    }

    /** A parameter of a structured header value such as {@code text/plain; charset="utf-8"}. */
    static String parameter(String value, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?i)(?:^|;)\\s*" + java.util.regex.Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)")
                .matcher(value);
        if (!m.find()) {
            return "";
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** True when Content-Disposition says attachment. */
    boolean isAttachment() {
        return get("content-disposition").toLowerCase(Locale.ROOT).startsWith("attachment");
    }
}
