package dev.jft.data.prep;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Class balance and text length statistics as Tablesaw tables, shown inline in notebooks.
 *
 * <pre>{@code
 * Table balance = DataStats.classBalance(sentences, Sentence::label);       // label, count, share
 * Table lengths = DataStats.lengths(sentences, Sentence::text, Sentence::label, DataStats::words);
 * }</pre>
 */
public final class DataStats {

    private DataStats() {
    }

    /** Number of white-space separated words: a rough length before a tokenizer is chosen. */
    public static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** One row per label, sorted by label: {@code label, count, share} (share in 0..1). */
    public static <T> Table classBalance(List<T> records, Function<T, String> label) {
        Map<String, Integer> counts = countByLabel(records, label);
        double total = records.size();
        return Table.create("class balance",
                StringColumn.create("label", counts.keySet()),
                IntColumn.create("count", counts.values().stream().mapToInt(Integer::intValue).toArray()),
                DoubleColumn.create("share", counts.values().stream().mapToDouble(n -> n / total).toArray()));
    }

    /** Label to number of records, sorted by label. */
    static <T> Map<String, Integer> countByLabel(List<T> records, Function<T, String> label) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(r -> counts.merge(label.apply(r), 1, Integer::sum));
        return counts;
    }

    /**
     * Length statistics per label and over all: {@code label, count, min, mean, median, p95, max}.
     *
     * @param length the length of one text: {@link #words}, {@code String::length}, or a tokenizer's
     *               token count ({@code t -> tokenizer.encode(t).getIds().length})
     */
    public static <T> Table lengths(List<T> records, Function<T, String> text, Function<T, String> label,
                                    ToIntFunction<String> length) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        List<Integer> all = new ArrayList<>();
        for (T r : records) {
            int n = length.applyAsInt(text.apply(r));
            byLabel.computeIfAbsent(label.apply(r), k -> new ArrayList<>()).add(n);
            all.add(n);
        }
        byLabel.put("(all)", all);
        Table table = Table.create("lengths", StringColumn.create("label"), IntColumn.create("count"),
                IntColumn.create("min"), DoubleColumn.create("mean"), DoubleColumn.create("median"),
                IntColumn.create("p95"), IntColumn.create("max"));
        byLabel.forEach((name, values) -> addRow(table, name, values));
        return table;
    }

    private static void addRow(Table table, String label, List<Integer> values) {
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        table.stringColumn("label").append(label);
        table.intColumn("count").append(sorted.length);
        table.intColumn("min").append(sorted[0]);
        table.doubleColumn("mean").append(Arrays.stream(sorted).average().orElse(0));
        table.doubleColumn("median").append(percentile(sorted, 0.5));
        table.intColumn("p95").append((int) Math.ceil(percentile(sorted, 0.95)));
        table.intColumn("max").append(sorted[sorted.length - 1]);
    }

    /** Linear interpolation between closest ranks, on a sorted array. */
    static double percentile(int[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
