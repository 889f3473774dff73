package dev.jft.data;

import tech.tablesaw.api.Table;

import java.util.List;
import java.util.function.Function;

/**
 * Records from a loader, with the report of what was kept and dropped and a view as a Tablesaw
 * table.
 *
 * <pre>{@code
 * LoadResult<Sentence> data = SentimentData.load();
 * System.out.println(data.report());
 * data.table().first(5);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class LoadResult<T> {

    private final List<T> records;
    private final LoadReport report;
    private final Function<List<T>, Table> toTable;

    public LoadResult(List<T> records, LoadReport report, Function<List<T>, Table> toTable) {
        this.records = List.copyOf(records);
        this.report = report;
        this.toTable = toTable;
    }

    /** The typed records, in file order. */
    public List<T> records() {
        return records;
    }

    public LoadReport report() {
        return report;
    }

    public int size() {
        return records.size();
    }

    /** The records as a table, one row each. */
    public Table table() {
        return toTable.apply(records);
    }

    @Override
    public String toString() {
        return records.size() + " records; " + report;
    }
}
