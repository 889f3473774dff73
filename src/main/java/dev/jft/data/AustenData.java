package dev.jft.data;

import dev.jft.data.rdata.LazyLoadDb;
import dev.jft.data.rdata.RValue;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads Jane Austen's six novels from the Debian package {@code r-cran-janeaustenr}, reading the
 * R package's lazy-load data ({@code Rdata.rdx/.rdb}) with plain JDK code. For text generation
 * and perplexity lessons.
 *
 * <pre>{@code
 * LoadResult<Novel> novels = AustenData.load();
 * Table lines = AustenData.lineTable(novels.records());   // book, line, text (like austen_books())
 * }</pre>
 */
public final class AustenData {

    /** R object name to title, in publication order (as janeaustenr's austen_books()). */
    public static final Map<String, String> TITLES = titles();

    private AustenData() {
    }

    private static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("sensesensibility", "Sense & Sensibility");
        titles.put("prideprejudice", "Pride & Prejudice");
        titles.put("mansfieldpark", "Mansfield Park");
        titles.put("emma", "Emma");
        titles.put("northangerabbey", "Northanger Abbey");
        titles.put("persuasion", "Persuasion");
        return java.util.Collections.unmodifiableMap(titles);
    }

    /** Fetches the package if needed and loads the six novels. */
    public static LoadResult<Novel> load() {
        return load(Datasets.ensure("austen"));
    }

    /**
     * Loads the novels from the R package's {@code data} folder (holding {@code Rdata.rdx} and {@code Rdata.rdb}).
     *
     * @throws DataFormatException when the database is unreadable or a novel is missing or not text
     */
    public static LoadResult<Novel> load(Path dataDir) {
        Path base = dataDir.resolve("Rdata");
        if (!Files.isRegularFile(dataDir.resolve("Rdata.rdx"))) {
            throw new DataFormatException(dataDir.resolve("Rdata.rdx"), 0, "the R lazy-load index of janeaustenr",
                    "no such file");
        }
        LoadReport report = new LoadReport("austen");
        List<Novel> novels = new ArrayList<>();
        try {
            LazyLoadDb db = LazyLoadDb.open(base);
            for (Map.Entry<String, String> title : TITLES.entrySet()) {
                RValue value = db.get(title.getKey());
                if (value.type() != RValue.STRSXP) {
                    throw new DataFormatException(base, 0, "a character vector for " + title.getKey(),
                            "R type " + value.type());
                }
                novels.add(new Novel(title.getValue(), Arrays.asList(value.strings())));
                report.kept();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFormatException(base, 0, "readable janeaustenr data: " + e.getMessage(), e);
        }
        return new LoadResult<>(novels, report, AustenData::table);
    }

    /** One row per novel: {@code title, lines, words, characters}. */
    public static Table table(List<Novel> novels) {
        return Table.create("austen",
                StringColumn.create("title", novels.stream().map(Novel::title)),
                IntColumn.create("lines", novels.stream().mapToInt(n -> n.lines().size())),
                IntColumn.create("words", novels.stream().mapToInt(n -> n.text().split("\\s+").length)),
                IntColumn.create("characters", novels.stream().mapToInt(n -> n.text().length())));
    }

    /** One row per line: {@code book, line, text}, like janeaustenr's {@code austen_books()}. */
    public static Table lineTable(List<Novel> novels) {
        StringColumn book = StringColumn.create("book");
        IntColumn line = IntColumn.create("line");
        StringColumn text = StringColumn.create("text");
        for (Novel n : novels) {
            for (int i = 0; i < n.lines().size(); i++) {
                book.append(n.title());
                line.append(i + 1);
                text.append(n.lines().get(i));
            }
        }
        return Table.create("austen lines", book, line, text);
    }
}
