package dev.jft.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU-4 (Papineni et al.): the geometric mean of clipped 1- to 4-gram precisions pooled
 * over the corpus, times a brevity penalty {@code exp(1 - r/c)} when the candidates (total length
 * c) are shorter than the references (r: for each sentence the reference length closest to the
 * candidate's, the shorter on a tie). Without smoothing, a corpus with no matching 4-gram scores 0.
 *
 * <pre>{@code
 * double bleu = Bleu.corpus(List.of("the cat sat on the mat"), List.of(List.of("the cat sat on the mat"))); // 1.0
 * double smoothed = Bleu.corpus(candidates, references, true); // zero counts become 0.1 (NLTK method 1)
 * }</pre>
 */
public final class Bleu {

    private static final int MAX_ORDER = 4;
    private static final double SMOOTHING_EPSILON = 0.1;

    private Bleu() {}

    /** Corpus BLEU-4 of whitespace-tokenized texts, each candidate with one or more references. */
    public static double corpus(List<String> candidates, List<List<String>> references) {
        return corpus(candidates, references, false);
    }

    /** As {@link #corpus(List, List)}, optionally smoothing zero n-gram matches (epsilon 0.1). */
    public static double corpus(List<String> candidates, List<List<String>> references, boolean smooth) {
        Checks.sameLength(candidates.size(), references.size(), "Candidates and reference lists");
        Checks.nonEmpty(candidates.size(), "The candidate list");
        long[] matches = new long[MAX_ORDER];
        long[] totals = new long[MAX_ORDER];
        long candidateLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> candidate = tokens(candidates.get(i));
            List<List<String>> refs = references.get(i).stream().map(Bleu::tokens).toList();
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("Candidate " + i + " has no reference: give at least one.");
            }
            candidateLength += candidate.size();
            referenceLength += closestLength(refs, candidate.size());
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Integer> counts = ngrams(candidate, n);
                Map<List<String>, Integer> maxRef = new HashMap<>();
                for (List<String> ref : refs) {
                    ngrams(ref, n).forEach((gram, count) -> maxRef.merge(gram, count, Math::max));
                }
                for (Map.Entry<List<String>, Integer> entry : counts.entrySet()) {
                    matches[n - 1] += Math.min(entry.getValue(), maxRef.getOrDefault(entry.getKey(), 0));
                    totals[n - 1] += entry.getValue();
                }
            }
        }
        if (candidateLength == 0) {
            return 0;
        }
        double logSum = 0;
        for (int n = 0; n < MAX_ORDER; n++) {
            double matched = matches[n] == 0 && smooth ? SMOOTHING_EPSILON : matches[n];
            if (matched == 0 || totals[n] == 0) {
                return 0;
            }
            logSum += Math.log(matched / totals[n]);
        }
        double brevity = candidateLength >= referenceLength ? 1 : Math.exp(1 - (double) referenceLength / candidateLength);
        return brevity * Math.exp(logSum / MAX_ORDER);
    }

    /** Whitespace tokens of a text (none for a blank text). */
    static List<String> tokens(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    private static int closestLength(List<List<String>> refs, int candidateLength) {
        int best = refs.get(0).size();
        for (List<String> ref : refs) {
            int gap = Math.abs(ref.size() - candidateLength);
            int bestGap = Math.abs(best - candidateLength);
            if (gap < bestGap || (gap == bestGap && ref.size() < best)) {
                best = ref.size();
            }
        }
        return best;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }
}
