package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreezingTest {

    @Test
    void linearProbeTrainsOnlyTheHead() {
        Freezing probe = Freezing.linearProbe();
        assertTrue(probe.trains(ParameterGroups.HEAD, 0));
        assertFalse(probe.trains(5, 3));
        assertFalse(probe.trains(ParameterGroups.BOTTOM, 9));
    }

    @Test
    void gradualUnfreezingOpensOneLayerPerEpochFromTheTop() {
        Freezing gradual = Freezing.gradualUnfreezing(3); // layers 0, 1, 2
        assertTrue(gradual.trains(ParameterGroups.HEAD, 0));
        assertFalse(gradual.trains(2, 0));
        assertTrue(gradual.trains(2, 1));
        assertFalse(gradual.trains(1, 1));
        assertTrue(gradual.trains(0, 3));
        assertFalse(gradual.trains(ParameterGroups.BOTTOM, 3));
        assertTrue(gradual.trains(ParameterGroups.BOTTOM, 4));
    }
}
