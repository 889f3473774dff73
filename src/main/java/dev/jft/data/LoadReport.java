package dev.jft.data;

import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a loader kept and what it dropped, by reason, with a few examples per reason, so that
 * nothing is lost silently.
 *
 * <pre>{@code
 * LoadReport report = new LoadReport("sentiment");
 * report.kept();
 * report.dropped("empty text", "imdb.json entry 1001");
 * System.out.println(report);   // sentiment: kept 1, dropped 1
 *                               //   empty text: 1 (e.g. imdb.json entry 1001)
 * report.table();               // outcome, count, examples: shown as a table in a notebook
 * }</pre>
 */
public final class LoadReport implements RichOutput {

    private static final int EXAMPLES_PER_REASON = 3;

    private final String source;
    private int kept;
    private final Map<String, Integer> dropped = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> notes = new LinkedHashMap<>();

    /** @param source what was loaded, for the printed report */
    public LoadReport(String source) {
        this.source = source;
    }

    /** Counts one kept record. */
    public void kept() {
        kept++;
    }

    /**
     * Counts one dropped record.
     *
     * @param reason  why, in a few words ("empty text", "duplicate")
     * @param example where it was (file, line, entry), kept for the first few per reason
     */
    public void dropped(String reason, String example) {
        dropped.merge(reason, 1, Integer::sum);
        List<String> list = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_REASON) {
            list.add(example);
        }
    }

    /**
     * Counts a record that was kept but repaired or worth knowing about ("unknown charset read as
     * windows-1252").
     */
    public void note(String what) {
        notes.merge(what, 1, Integer::sum);
    }

    /** Kept records with something worth knowing, by what. */
    public Map<String, Integer> notes() {
        return Collections.unmodifiableMap(notes);
    }

    /** Adds the counts of another report (a loader made of several files). */
    public void add(LoadReport other) {
        kept += other.kept;
        other.notes.forEach((what, n) -> notes.merge(what, n, Integer::sum));
        other.dropped.forEach((reason, n) -> dropped.merge(reason, n, Integer::sum));
        other.examples.forEach((reason, list) -> {
            List<String> mine = examples.computeIfAbsent(reason, r -> new ArrayList<>());
            list.stream().limit(EXAMPLES_PER_REASON - mine.size()).forEach(mine::add);
        });
    }

    public String source() {
        return source;
    }

    /** Records kept. */
    public int keptCount() {
        return kept;
    }

    /** Records dropped, over all reasons. */
    public int droppedCount() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Records dropped for one reason (0 when none). */
    public int droppedCount(String reason) {
        return dropped.getOrDefault(reason, 0);
    }

    /** Reason to count, in the order first seen. */
    public Map<String, Integer> droppedByReason() {
        return Collections.unmodifiableMap(dropped);
    }

    /** The first few examples for one reason. */
    public List<String> examples(String reason) {
        return List.copyOf(examples.getOrDefault(reason, List.of()));
    }

    /** One row per outcome: {@code kept}, each drop reason, each note; columns {@code outcome, count, examples}. */
    public Table table() {
        StringColumn outcome = StringColumn.create("outcome");
        IntColumn count = IntColumn.create("count");
        StringColumn example = StringColumn.create("examples");
        outcome.append("kept");
        count.append(kept);
        example.append("");
        dropped.forEach((reason, n) -> {
            outcome.append("dropped: " + reason);
            count.append(n);
            example.append(String.join("; ", examples.get(reason)));
        });
        notes.forEach((what, n) -> {
            outcome.append("kept, note: " + what);
            count.append(n);
            example.append("");
        });
        return Table.create(source, outcome, count, example);
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", toString(), "text/html", Html.table(table(), 100));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source + ": kept " + kept + ", dropped " + droppedCount());
        dropped.forEach((reason, n) -> text.append("\n  ").append(reason).append(": ").append(n)
                .append(" (e.g. ").append(String.join("; ", examples.get(reason))).append(')'));
        notes.forEach((what, n) -> text.append("\n  kept, note: ").append(what).append(": ").append(n));
        return text.toString();
    }
}
