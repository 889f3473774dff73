package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelFootprintTest {

    @Test
    void aChildJvmReportsWhatTheModelAdded() {
        ModelFootprint footprint = ModelFootprint.measure("all-minilm-l6-v2");
        assertEquals("all-minilm-l6-v2", footprint.model());
        assertTrue(footprint.baselineMb() > 0, footprint::toString);
        // 22.7 M float weights are 91 MB in the native copy alone
        assertTrue(footprint.addedMb() > 90, footprint::toString);
        assertTrue(footprint.addedMb() < 3000, footprint::toString);
        assertTrue(footprint.loadSeconds() > 0 && footprint.loadSeconds() < 120, footprint::toString);
    }

    @Test
    void anUnknownModelFailsBeforeStartingAChild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFootprint.measure("gpt2"));
        assertTrue(e.getMessage().contains("all-MiniLM-L6-v2"), e.getMessage());
    }
}
