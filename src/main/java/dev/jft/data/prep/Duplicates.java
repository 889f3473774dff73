package dev.jft.data.prep;

import dev.jft.data.LoadReport;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds duplicate texts, exactly or after normalisation (Unicode NFKC, lower case, white space
 * collapsed, punctuation-only differences ignored), removes later copies, and checks that no text
 * of one split appears in another (leakage that inflates test scores).
 *
 * <pre>{@code
 * Duplicates<Sentence> dups = Duplicates.of(Sentence::text).normalised();
 * List<List<Sentence>> groups = dups.groups(sentences);
 * List<Sentence> unique = dups.removeFrom(sentences, report);
 * List<Duplicates.Leak<Sentence>> leaks = dups.leaks(split.train(), split.test());
 * Table summary = dups.leakage(split);   // part, records, seen in train
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Duplicates<T> {

    private final Function<T, String> text;
    private final boolean normalised;

    private Duplicates(Function<T, String> text, boolean normalised) {
        this.text = text;
        this.normalised = normalised;
    }

    /** Exact duplicates of the text the function returns. */
    public static <T> Duplicates<T> of(Function<T, String> text) {
        return new Duplicates<>(text, false);
    }

    /** The same, but comparing {@link #normalise normalised} texts. */
    public Duplicates<T> normalised() {
        return new Duplicates<>(text, true);
    }

    /** NFKC, lower case, only letters and digits kept, separated by single spaces. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return nfkc.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The key two records share when they count as duplicates. */
    public String key(T record) {
        String t = text.apply(record);
        return normalised ? normalise(t) : t;
    }

    /** Groups of two or more records with the same key, in order of first occurrence. */
    public List<List<T>> groups(List<T> records) {
        Map<String, List<T>> byKey = new LinkedHashMap<>();
        for (T r : records) {
            byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        return byKey.values().stream().filter(g -> g.size() > 1).toList();
    }

    /**
     * Keeps the first record of each key; each later copy is counted in the report as
     * "duplicate" (exact) or "near duplicate" (normalised).
     */
    public List<T> removeFrom(List<T> records, LoadReport report) {
        Map<String, T> first = new HashMap<>();
        List<T> kept = new ArrayList<>();
        for (T r : records) {
            T earlier = first.putIfAbsent(key(r), r);
            if (earlier == null) {
                kept.add(r);
            } else {
                report.dropped(normalised ? "near duplicate" : "duplicate", describe(r) + " = " + describe(earlier));
            }
        }
        return kept;
    }

    private String describe(T r) {
        String t = text.apply(r).replaceAll("\\s+", " ");
        return '"' + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + '"';
    }

    /**
     * A text of the evaluation split that also occurs in the training split.
     *
     * @param train the training record
     * @param other the record of the other split with the same key
     */
    public record Leak<T>(T train, T other) {
    }

    /** Records of {@code other} (validation or test) whose key also occurs in {@code train}. */
    public List<Leak<T>> leaks(List<T> train, List<T> other) {
        Map<String, T> trainKeys = new HashMap<>();
        train.forEach(r -> trainKeys.putIfAbsent(key(r), r));
        List<Leak<T>> leaks = new ArrayList<>();
        for (T r : other) {
            T match = trainKeys.get(key(r));
            if (match != null) {
                leaks.add(new Leak<>(match, r));
            }
        }
        return leaks;
    }

    /**
     * Leakage of a split as a table: for {@code validation} and {@code test}, how many records
     * there are and how many have a key that also occurs in {@code train}. Both should be 0 before
     * trusting a test score.
     */
    public Table leakage(Split<T> split) {
        return Table.create("leakage",
                StringColumn.create("part", "validation", "test"),
                IntColumn.create("records", split.validation().size(), split.test().size()),
                IntColumn.create("seen in train", leaks(split.train(), split.validation()).size(),
                        leaks(split.train(), split.test()).size()));
    }
}
