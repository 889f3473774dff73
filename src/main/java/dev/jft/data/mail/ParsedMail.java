package dev.jft.data.mail;

import java.util.List;

/**
 * The readable content of an e-mail.
 *
 * <pre>{@code
 * ParsedMail mail = MimeParser.parse(Files.readAllBytes(file));
 * mail.subject(); mail.body(); mail.problems();
 * }</pre>
 *
 * @param subject  the Subject header, encoded words decoded ("" when absent)
 * @param body     the text of the message: text parts (HTML converted to text), attachments left out
 * @param problems what was repaired while decoding (unknown charsets, invalid bytes), empty if nothing
 */
public record ParsedMail(String subject, String body, List<String> problems) {
}
