package dev.jft.eval;

import java.util.List;

/**
 * ROUGE-L: overlap by longest common subsequence (LCS) of tokens. Precision = LCS / candidate
 * length, recall = LCS / reference length, score = their F1.
 *
 * <pre>{@code
 * RougeL.Score s = RougeL.score(List.of("the", "cat", "sat"), List.of("the", "cat", "was", "sat"));
 * s.f1(); // LCS 3: P = 1, R = 0.75, F1 = 0.857
 * }</pre>
 */
public final class RougeL {

    /** Precision, recall and F1 of one candidate against one reference. */
    public record Score(double precision, double recall, double f1) {}

    private RougeL() {}

    /** ROUGE-L of token lists. Both must be non-empty. */
    public static Score score(List<String> candidate, List<String> reference) {
        Checks.nonEmpty(candidate.size(), "The candidate");
        Checks.nonEmpty(reference.size(), "The reference");
        int lcs = longestCommonSubsequence(candidate, reference);
        double precision = (double) lcs / candidate.size();
        double recall = (double) lcs / reference.size();
        return new Score(precision, recall, ConfusionMatrix.f1(precision, recall));
    }

    /** ROUGE-L of two texts split on whitespace. */
    public static Score score(String candidate, String reference) {
        return score(Bleu.tokens(candidate), Bleu.tokens(reference));
    }

    /** Mean F1 over pairs of texts. */
    public static double meanF1(List<String> candidates, List<String> references) {
        Checks.sameLength(candidates.size(), references.size(), "Candidates and references");
        Checks.nonEmpty(candidates.size(), "The candidate list");
        double sum = 0;
        for (int i = 0; i < candidates.size(); i++) {
            sum += score(candidates.get(i), references.get(i)).f1();
        }
        return sum / candidates.size();
    }

    static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String token : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = token.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
