package dev.jft.quiz.progress;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * What counts from a gradebook: for each learner and item, one attempt. {@link #of} keeps the LAST
 * attempt (an instructor grading a submitted notebook grades its final answers); {@link #best} keeps
 * the BEST (a learner's progress: a later broken try does not undo a full score).
 *
 * <pre>{@code
 * Scores scores = Scores.best(gradebook.read());
 * scores.byLesson("ada"); // lesson -> [score, max]
 * }</pre>
 */
public final class Scores {

    /** Points earned out of points possible. */
    public record Total(double score, double max) {
        Total plus(GradebookEntry entry) {
            return new Total(score + entry.score(), max + entry.max());
        }

        /** Percentage from 0 to 100 (0 when nothing was possible). */
        public double percent() {
            return max == 0 ? 0 : 100 * score / max;
        }
    }

    private static final Total ZERO = new Total(0, 0);

    /** learner -> item -> the attempt that counts, learners sorted, items in first-attempt order. */
    private final Map<String, Map<String, GradebookEntry>> lastAttempts = new TreeMap<>();

    private Scores() {}

    /** The last attempts in {@code entries} (taken in order). */
    public static Scores of(Collection<GradebookEntry> entries) {
        return keeping(entries, (earlier, later) -> later);
    }

    /** The best attempt per learner and item in {@code entries}; of equal scores, the first. */
    public static Scores best(Collection<GradebookEntry> entries) {
        return keeping(entries, (earlier, later) -> later.score() > earlier.score() ? later : earlier);
    }

    private static Scores keeping(Collection<GradebookEntry> entries, BinaryOperator<GradebookEntry> choice) {
        Scores scores = new Scores();
        for (GradebookEntry entry : entries) {
            scores.lastAttempts.computeIfAbsent(entry.learner(), learner -> new LinkedHashMap<>())
                    .merge(entry.item(), entry, choice);
        }
        return scores;
    }

    public List<String> learners() {
        return List.copyOf(lastAttempts.keySet());
    }

    /** The attempt that counts per item for the learner. */
    public Map<String, GradebookEntry> attempts(String learner) {
        return lastAttempts.getOrDefault(learner, Map.of());
    }

    /** Every item anyone attempted, by lesson then id. */
    public List<String> items() {
        Map<String, String> lessonByItem = new TreeMap<>();
        lastAttempts.values().forEach(items -> items.values()
                .forEach(entry -> lessonByItem.put(entry.item(), String.valueOf(entry.lesson()))));
        return lessonByItem.keySet().stream()
                .sorted((a, b) -> (lessonByItem.get(a) + "\u0000" + a).compareTo(lessonByItem.get(b) + "\u0000" + b))
                .toList();
    }

    /** The learner's totals per lesson, lessons sorted. */
    public Map<String, Total> byLesson(String learner) {
        Map<String, Total> totals = new TreeMap<>();
        for (GradebookEntry entry : attempts(learner).values()) {
            totals.merge(String.valueOf(entry.lesson()), ZERO.plus(entry),
                    (a, b) -> new Total(a.score() + b.score(), a.max() + b.max()));
        }
        return totals;
    }

    /** The learner's total over all attempted items. */
    public Total total(String learner) {
        Total total = ZERO;
        for (GradebookEntry entry : attempts(learner).values()) {
            total = total.plus(entry);
        }
        return total;
    }
}
