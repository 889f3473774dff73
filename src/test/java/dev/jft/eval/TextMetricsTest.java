package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void bleuOfAnExactMatchIsOne() {
        assertEquals(1.0, Bleu.corpus(List.of("the cat sat on the mat"), List.of(List.of("the cat sat on the mat"))), 1e-12);
    }

    @Test
    void bleuClippedPrecisions() {
        // cand "the cat sat on the mat", ref "the cat sat on a mat" (both 6 tokens: BP = 1)
        // 1-grams: the x2 clipped to 1, cat, sat, on, mat -> 5/6
        // 2-grams: the cat, cat sat, sat on match; on the, the mat do not -> 3/5
        // 3-grams: the cat sat, cat sat on -> 2/4;  4-grams: the cat sat on -> 1/3
        // BLEU = (5/6 * 3/5 * 1/2 * 1/3)^(1/4) = (1/12)^(1/4) = 0.537285
        double bleu = Bleu.corpus(List.of("the cat sat on the mat"), List.of(List.of("the cat sat on a mat")));
        assertEquals(0.537285, bleu, 1e-6);
    }

    @Test
    void bleuBrevityPenalty() {
        // cand "the cat sat on" (c = 4) against "the cat sat on the mat" (r = 6): all precisions 1,
        // BP = exp(1 - 6/4) = exp(-0.5) = 0.606531
        assertEquals(Math.exp(-0.5), Bleu.corpus(List.of("the cat sat on"), List.of(List.of("the cat sat on the mat"))), 1e-12);
        // with a second reference of length 4 the closest length is 4: no penalty
        assertEquals(1.0, Bleu.corpus(List.of("the cat sat on"),
                List.of(List.of("the cat sat on the mat", "the cat sat on"))), 1e-12);
    }

    @Test
    void bleuWithoutSmoothingIsZeroWhenNoFourGramMatches() {
        // "the cat sat down" vs "the cat ran down": p1 = 3/4, p2 = 1/3, p3 = 0/2, p4 = 0/1
        List<String> candidate = List.of("the cat sat down");
        List<List<String>> reference = List.of(List.of("the cat ran down"));
        assertEquals(0.0, Bleu.corpus(candidate, reference), 0);
        // smoothed: zero counts become 0.1 -> (0.75 * 1/3 * 0.05 * 0.1)^(1/4) = 0.00125^(1/4) = 0.188030
        assertEquals(0.188030, Bleu.corpus(candidate, reference, true), 1e-6);
    }

    @Test
    void rougeLFromTheLongestCommonSubsequence() {
        // "the cat sat" in "the cat was sat": LCS 3 -> P = 3/3, R = 3/4, F1 = 2 * 0.75 / 1.75 = 0.857143
        RougeL.Score score = RougeL.score("the cat sat", "the cat was sat");
        assertEquals(1.0, score.precision(), 0);
        assertEquals(0.75, score.recall(), 0);
        assertEquals(0.857143, score.f1(), 1e-6);
        // "a b c d" vs "b d a c": LCS 2 (e.g. "b d")
        assertEquals(2, RougeL.longestCommonSubsequence(List.of("a", "b", "c", "d"), List.of("b", "d", "a", "c")));
        assertEquals((0.857143 + 1.0) / 2, RougeL.meanF1(List.of("the cat sat", "x y"), List.of("the cat was sat", "x y")), 1e-6);
    }

    @Test
    void perplexityFromNegativeLogLikelihood() {
        assertEquals(4.0, Perplexity.fromMeanNll(Math.log(4)), 1e-12); // a fair 4-sided die
        assertEquals(Math.exp(2), Perplexity.fromTokenNlls(new double[] {1, 3}), 1e-12); // mean NLL 2
    }

    @Test
    void clearErrorsForBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of("a"), List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> RougeL.score("", "a"));
        assertThrows(IllegalArgumentException.class, () -> Perplexity.fromMeanNll(-1));
        assertThrows(IllegalArgumentException.class, () -> Perplexity.fromMeanNll(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Perplexity.fromTokenNlls(new double[0]));
    }
}
