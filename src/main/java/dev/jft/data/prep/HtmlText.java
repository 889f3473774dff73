package dev.jft.data.prep;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple HTML-to-text conversion for data cleaning: drops scripts, styles and comments, turns
 * block elements into line breaks, removes the other tags and decodes character references. Not a
 * full HTML parser; good enough for e-mail bodies and scraped snippets.
 *
 * <pre>{@code
 * HtmlText.toText("<p>Buy&nbsp;<b>now</b></p><p>&euro;5</p>");   // "Buy now\n€5"
 * }</pre>
 */
public final class HtmlText {

    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)<\\s*(br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?blockquote|/?pre|hr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[!/?a-zA-Z][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "(?i)<(html|body|p|div|br|table|font|a\\s+href|b|i|span|td)[\\s>/]");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"),
            Map.entry("cent", "¢"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("hellip", "…"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("deg", "°"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("uuml", "ü"), Map.entry("ouml", "ö"),
            Map.entry("auml", "ä"), Map.entry("szlig", "ß"), Map.entry("ccedil", "ç"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("times", "×"));

    private HtmlText() {
    }

    /** True when the text contains typical HTML tags. */
    public static boolean looksLikeHtml(String text) {
        return LOOKS_LIKE_HTML.matcher(text).find();
    }

    /** The visible text of an HTML fragment or document, one line per block element, lines trimmed. */
    public static String toText(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = text.replaceAll("\\s+", " ");   // in HTML, line breaks in the source are just spaces
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        text = text.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ");
        text = text.replaceAll(" *\n *", "\n").replaceAll("\n{2,}", "\n");
        return text.strip();
    }

    /** Replaces {@code &amp;}, {@code &#233;}, {@code &#xE9;} and common named references; leaves unknown ones. */
    public static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#")) {
                int code = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                replacement = Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "";
            } else {
                replacement = NAMED.getOrDefault(ref, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
