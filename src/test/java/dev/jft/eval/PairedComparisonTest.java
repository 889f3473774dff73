package dev.jft.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void countsDiscordantPairsAndTheDifference() {
        int[] truth = {1, 1, 1, 0, 0, 0};
        int[] a = {1, 1, 0, 0, 0, 1};   // right on 0, 1, 3, 4
        int[] b = {1, 0, 1, 1, 0, 1};   // right on 0, 2, 4
        PairedComparison cmp = PairedComparison.of(truth, a, b);
        assertEquals(2, cmp.onlyFirstCorrect());   // rows 1, 3
        assertEquals(1, cmp.onlySecondCorrect());  // row 2
        assertEquals(1.0 / 6, cmp.accuracyDifference(), 1e-12);
    }

    @Test
    void exactMcNemarMatchesTheBinomialTail() {
        // 10 discordant, split 8 / 2: 2 * P(X <= 2), X ~ Bin(10, 1/2) = 2 * (1 + 10 + 45) / 1024 = 0.109375
        assertEquals(0.109375, withDiscordant(8, 2).mcNemarPValue(), 1e-12);
        // 20 split 15 / 5: scipy.stats.binomtest(5, 20).pvalue = 0.04138946533203125
        assertEquals(0.04138946533203125, withDiscordant(15, 5).mcNemarPValue(), 1e-12);
        assertEquals(1, withDiscordant(3, 3).mcNemarPValue(), 1e-12);
        assertEquals(1, withDiscordant(0, 0).mcNemarPValue(), 0);
        // large counts stay finite: 1000 vs 1200 discordant
        double p = withDiscordant(1000, 1200).mcNemarPValue();
        assertTrue(p > 0 && p < 1e-4, "p = " + p);
    }

    @Test
    void pairedIntervalContainsTheDifferenceAndIsSeeded() {
        PairedComparison cmp = withDiscordant(30, 10);
        Bootstrap.Interval ci = cmp.differenceInterval(500, 0.95, 3);
        assertEquals(cmp.accuracyDifference(), ci.estimate(), 1e-12);
        assertTrue(ci.lower() > 0 && ci.upper() < 0.25, ci.toString());
        assertEquals(ci, cmp.differenceInterval(500, 0.95, 3));
    }

    @Test
    void rejectsMismatchedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new int[] {0, 1}, new int[] {0, 1}, new int[] {0}));
        assertTrue(e.getMessage().contains("second model"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new int[0], new int[0], new int[0]));
    }

    /** 100 examples both get right, then onlyFirst and onlySecond discordant ones. */
    private static PairedComparison withDiscordant(int onlyFirst, int onlySecond) {
        int n = 100 + onlyFirst + onlySecond;
        int[] truth = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 100; i < 100 + onlyFirst; i++) {
            b[i] = 1;
        }
        for (int i = 100 + onlyFirst; i < n; i++) {
            a[i] = 1;
        }
        return PairedComparison.of(truth, a, b);
    }
}
