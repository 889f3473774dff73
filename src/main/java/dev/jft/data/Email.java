package dev.jft.data;

/**
 * One e-mail of the SpamAssassin public corpus, parsed to text.
 *
 * <pre>{@code
 * Email e = SpamData.load().records().get(0);
 * e.label();   // "ham"
 * }</pre>
 *
 * @param id      folder and file name in the package, e.g. {@code easy-ham-1/00001.7c53...txt}
 * @param group   {@code easy_ham}, {@code hard_ham} or {@code spam}
 * @param label   {@code ham} or {@code spam}
 * @param subject decoded Subject header
 * @param body    text of the message (HTML converted, attachments left out)
 */
public record Email(String id, String group, String label, String subject, String body) {

    /** Subject and body as one text, the input of a classifier. */
    public String text() {
        return subject + "\n\n" + body;
    }
}
