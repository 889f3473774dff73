package dev.jft.quiz.bank;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the known ids closest to a mistyped one, by edit distance.
 *
 * <pre>{@code
 * NearestIds.to("welcome-q7", List.of("welcome-q1", "welcome-q6", "intro-q1"), 3);
 * // [welcome-q1, welcome-q6]
 * }</pre>
 */
public final class NearestIds {

    private NearestIds() {}

    /** Up to {@code limit} ids within a few edits of {@code wanted}, nearest first. */
    public static List<String> to(String wanted, Collection<String> known, int limit) {
        String key = wanted.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, key.length() / 3);
        return known.stream()
                .map(id -> new Scored(id, distance(key, id.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.distance <= allowed)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id))
                .limit(limit)
                .map(Scored::id)
                .toList();
    }

    private record Scored(String id, int distance) {}

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
