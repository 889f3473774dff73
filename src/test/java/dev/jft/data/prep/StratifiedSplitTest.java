package dev.jft.data.prep;

import dev.jft.data.Sentence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StratifiedSplitTest {

    private static List<Sentence> data() {
        List<Sentence> list = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            list.add(new Sentence("ham " + i, "ham", "x"));
        }
        for (int i = 0; i < 100; i++) {
            list.add(new Sentence("spam " + i, "spam", "x"));
        }
        return list;
    }

    private static long count(List<Sentence> part, String label) {
        return part.stream().filter(s -> s.label().equals(label)).count();
    }

    @Test
    void everyPartKeepsTheLabelShares() {
        Split<Sentence> split = StratifiedSplit.by(Sentence::label).split(data());
        assertEquals(800, split.train().size());
        assertEquals(100, split.validation().size());
        assertEquals(100, split.test().size());
        assertEquals(10, count(split.test(), "spam"));
        assertEquals(10, count(split.validation(), "spam"));
        assertEquals(80, count(split.train(), "spam"));
    }

    @Test
    void partsAreDisjointAndComplete() {
        Split<Sentence> split = StratifiedSplit.by(Sentence::label).ratios(0.7, 0.15, 0.15).split(data());
        Set<Sentence> all = new HashSet<>(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertEquals(1000, all.size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        StratifiedSplit<Sentence> splitter = StratifiedSplit.by(Sentence::label);
        assertEquals(splitter.seed(1).split(data()), splitter.seed(1).split(data()));
        assertNotEquals(splitter.seed(1).split(data()).test(), splitter.seed(2).split(data()).test());
    }

    @Test
    void ratiosMustSumToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplit.by(Sentence::label).ratios(0.8, 0.2, 0.2));
        assertEquals("Ratios must be >= 0 and sum to 1, got 0.8 + 0.2 + 0.2 = 1.2", e.getMessage());
    }
}
