package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void autoPrefersEveryGpuAndFallsBackToCpu() {
        assertEquals(List.of(Device.cpu()), Devices.choose("auto", 0));
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), Devices.choose("auto", 2));
        assertEquals(List.of(Device.cpu()), Devices.choose(null, 0));
    }

    @Test
    void explicitChoices() {
        assertEquals(List.of(Device.cpu()), Devices.choose("CPU", 4));
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), Devices.choose("gpu", 2));
        assertEquals(List.of(Device.gpu(1)), Devices.choose("gpu:1", 2));
    }

    @Test
    void clearErrorsForImpossibleChoices() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Devices.choose("gpu", 0));
        assertTrue(none.getMessage().contains("sees none"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpu:2", 2));
        assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpu:x", 1));
        assertThrows(IllegalArgumentException.class, () -> Devices.choose("tpu", 1));
    }

    @Test
    void engineDefaultIsUsable() {
        assertEquals(1, Devices.choose("cpu").size());
        assertTrue(Devices.choose("auto").size() >= 1);
    }
}
