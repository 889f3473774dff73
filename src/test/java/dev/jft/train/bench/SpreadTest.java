package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Median and range of block figures, computed without any engine. */
class SpreadTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertEquals(new Spread(3, 1, 9), Spread.of(9, 1, 3));
        assertEquals(new Spread(5, 5, 5), Spread.of(5));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(new Spread(2.5, 1, 100), Spread.of(100, 2, 1, 3));
    }

    @Test
    void oneWildBlockMovesTheRangeNotTheMedian() {
        Spread quiet = Spread.of(10, 11, 12, 10.5, 11.5);
        Spread oneNoisy = Spread.of(10, 11, 12, 10.5, 1.5);
        assertEquals(11, quiet.median());
        assertEquals(10.5, oneNoisy.median());
        assertEquals(1.5, oneNoisy.min());
    }

    @Test
    void ratiosArePairedBlockByBlockNotMediansDivided() {
        double[] ours = {10, 20, 30};
        double[] peer = {5, 40, 30};
        // block ratios 2.0, 0.5, 1.0; the ratio of the medians would be 20 / 30
        assertEquals(new Spread(1.0, 0.5, 2.0), Spread.ofRatios(ours, peer));
    }

    @Test
    void rejectsNoValuesAndUnpairedRatios() {
        assertThrows(IllegalArgumentException.class, () -> Spread.of());
        IllegalArgumentException unpaired = assertThrows(IllegalArgumentException.class,
                () -> Spread.ofRatios(new double[2], new double[3]));
        assertEquals("Ratios need pairs: 2 numerators, 3 denominators", unpaired.getMessage());
    }

    @Test
    void formatsMedianThenRange() {
        assertEquals("188.9 [180.2-195.0]", Spread.of(180.2, 195.0, 188.9).format("%.1f"));
        assertEquals("1.01x [0.95x-1.10x]", new Spread(1.01, 0.95, 1.1).format("%.2fx"));
    }
}
