package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void aNanEpochIsNeverTheBest() {
        // A diverged first epoch used to stay "best" for ever (nothing compares below NaN), and
        // its weights were restored at the end.
        EarlyStopping stopping = new EarlyStopping("loss", EarlyStopping.Goal.MINIMIZE, 3);
        assertFalse(stopping.observe(0, Double.NaN));
        assertTrue(stopping.observe(1, 0.9));
        assertFalse(stopping.observe(2, Double.NaN));
        assertEquals(1, stopping.bestEpoch());
        assertEquals(0.9, stopping.best(), 0);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping("f1_macro", EarlyStopping.Goal.MAXIMIZE, 2);
        assertTrue(stopping.observe(0, 0.5));
        assertTrue(stopping.observe(1, 0.6));
        assertFalse(stopping.observe(2, 0.55));
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.observe(3, 0.6)); // equal is not better
        assertTrue(stopping.shouldStop());
        assertEquals(1, stopping.bestEpoch());
        assertEquals(0.6, stopping.best(), 0);
    }

    @Test
    void minimizeAndNoPatience() {
        EarlyStopping stopping = new EarlyStopping("loss", EarlyStopping.Goal.MINIMIZE, 0);
        stopping.observe(0, 1.0);
        assertTrue(stopping.observe(1, 0.9));
        for (int epoch = 2; epoch < 10; epoch++) {
            stopping.observe(epoch, 5.0);
        }
        assertFalse(stopping.shouldStop());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping("", EarlyStopping.Goal.MINIMIZE, 1));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping("loss", EarlyStopping.Goal.MINIMIZE, -1));
    }
}
