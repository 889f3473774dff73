package dev.jft.quiz.progress;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What counts from a gradebook: for each learner and item, the LAST attempt (so a notebook's
 * final answer is what is graded, and re-answering can raise or lower a score).
 *
 * <pre>{@code
 * Scores scores = Scores.of(gradebook.read());
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

    /** learner -> item -> last attempt, learners sorted, items in first-attempt order. */
    private final Map<String, Map<String, GradebookEntry>> lastAttempts = new TreeMap<>();

    private Scores() {}

    /** The last attempts in {@code entries} (taken in order). */
    public static Scores of(Collection<GradebookEntry> entries) {
        Scores scores = new Scores();
        for (GradebookEntry entry : entries) {
            scores.lastAttempts.computeIfAbsent(entry.learner(), learner -> new LinkedHashMap<>())
                    .put(entry.item(), entry);
        }
        return scores;
    }

    public List<String> learners() {
        return List.copyOf(lastAttempts.keySet());
    }

    /** The learner's last attempt per item. */
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
