package dev.jft.data;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the UCI Sentiment Labelled Sentences (Kotzias et al. 2015) as shipped in the npm package
 * {@code sentiment@5.0.2}: 1000 sentences each from IMDb, Amazon and Yelp, labelled 0 (negative)
 * or 1 (positive). Each file ends with an empty {@code {"text":"","class":null}} entry, which is
 * dropped and counted in the report. The course's running example.
 *
 * <pre>{@code
 * LoadResult<Sentence> data = SentimentData.load();
 * System.out.println(data.report());   // sentiment: kept 3000, dropped 3 (empty text: 3, ...)
 * Table table = data.table();           // columns text, label, source
 * }</pre>
 */
public final class SentimentData {

    /** The sources, in file order. */
    public static final List<String> SOURCES = List.of("imdb", "amazon", "yelp");
    /** The labels: class 0 and class 1. */
    public static final LabelSet LABELS = LabelSet.of("negative", "positive");

    private SentimentData() {
    }

    /** Fetches the data set if needed and loads all three sources. */
    public static LoadResult<Sentence> load() {
        return load(Datasets.ensure("sentiment"));
    }

    /**
     * Loads {@code imdb.json}, {@code amazon.json} and {@code yelp.json} from a folder.
     *
     * @throws DataFormatException for malformed JSON (with line and column) or a class other than 0, 1
     */
    public static LoadResult<Sentence> load(Path dir) {
        LoadReport report = new LoadReport("sentiment");
        List<Sentence> sentences = new ArrayList<>();
        for (String source : SOURCES) {
            Path file = dir.resolve(source + ".json");
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file, 0, "a file " + source + ".json", "no such file");
            }
            readFile(file, source, sentences, report);
        }
        return new LoadResult<>(sentences, report, SentimentData::table);
    }

    private static void readFile(Path file, String source, List<Sentence> out, LoadReport report) {
        LabelSet.Check labels = LABELS.check();
        try (JsonReader json = new JsonReader(new StringReader(StrictText.read(file)))) {
            json.beginArray();
            int entry = 0;
            while (json.hasNext()) {
                entry++;
                Entry e = readEntry(json, file);
                String where = file.getFileName() + " entry " + entry;
                if (e.text == null || e.text.isBlank()) {
                    report.dropped("empty text", where);
                } else if (e.classValue == null) {
                    report.dropped("no class", where);
                } else {
                    String label = e.classValue.equals("0") ? "negative" : e.classValue.equals("1") ? "positive"
                            : e.classValue;
                    if (labels.accept(label, where)) {
                        out.add(new Sentence(e.text.strip(), label, source));
                        report.kept();
                    }
                }
            }
            json.endArray();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new DataFormatException(file, 0, "end of file after the array", json.peek().toString());
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new DataFormatException(file, DataFormatException.lineIn(e.getMessage()),
                    "malformed JSON, expected an array of {\"text\": string, \"class\": 0|1|null}: " + e.getMessage(), e);
        }
        labels.throwIfUnknown(file);
    }

    private record Entry(String text, String classValue) {
    }

    private static Entry readEntry(JsonReader json, Path file) throws IOException {
        String text = null;
        String classValue = null;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (json.peek() == JsonToken.NULL) {
                json.nextNull();
            } else if (name.equals("text")) {
                text = json.nextString();
            } else if (name.equals("class")) {
                classValue = json.nextString();   // gson reads numbers as strings: "0", "1"
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return new Entry(text, classValue);
    }

    /** The sentences as a table with columns {@code text, label, source}. */
    public static Table table(List<Sentence> sentences) {
        return Table.create("sentiment",
                StringColumn.create("text", sentences.stream().map(Sentence::text)),
                StringColumn.create("label", sentences.stream().map(Sentence::label)),
                StringColumn.create("source", sentences.stream().map(Sentence::source)));
    }
}
