package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
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
    void oneGpuMachine() {
        assertEquals(List.of(Device.gpu(0)), Devices.choose("auto", 1));
        assertEquals(List.of(Device.gpu(0)), Devices.choose(" GPU:0 ", 1));
        assertEquals(List.of(Device.cpu()), Devices.choose("cpu", 1), "cpu stays cpu even with a GPU");
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpu:1", 1));
        assertTrue(second.getMessage().contains("GPU 1 does not exist") && second.getMessage().contains("0 to 0"),
                second.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Devices.choose("gpu:-1", 1));
        assertTrue(negative.getMessage().contains("write gpu:0"), negative.getMessage());
    }

    @Test
    void aTunerAskedForAMissingGpuFailsAtBuildNotDuringTraining() {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> FineTuner.builder().device("gpu"));
        assertTrue(none.getMessage().contains("Maven profile gpu"), none.getMessage());
    }

    @Test
    void engineDefaultIsUsable() {
        assertEquals(1, Devices.choose("cpu").size());
        assertTrue(Devices.choose("auto").size() >= 1);
    }
}
