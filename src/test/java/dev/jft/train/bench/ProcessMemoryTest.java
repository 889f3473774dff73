package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessMemoryTest {

    @Test
    void peakIsAtLeastTheCurrentSizeAndCanBeReset() {
        byte[][] ballast = new byte[200][];
        for (int i = 0; i < ballast.length; i++) {
            ballast[i] = new byte[1 << 20];
            java.util.Arrays.fill(ballast[i], (byte) 1); // touched, so resident: about 200 MB
        }
        long peakWithBallast = ProcessMemory.peakResidentMb();
        assertTrue(peakWithBallast >= ProcessMemory.residentMb() - 1);
        ballast = null;
        System.gc();
        Assumptions.assumeTrue(ProcessMemory.resetPeak(), "this kernel does not allow resetting the peak");
        long afterReset = ProcessMemory.peakResidentMb();
        long now = ProcessMemory.residentMb();
        assertTrue(afterReset <= now + 5, "after a reset the peak is the current size: " + afterReset + " vs " + now);
    }
}
