package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class MatrixLibraryTest {

    @Test
    void statusNamesTheVendorAndWhetherTheFixIsLoaded() {
        assertTrue(MatrixLibrary.status("GenuineIntel", false).startsWith("MKL fast path: native"));
        assertTrue(MatrixLibrary.status("AuthenticAMD", true).contains("enabled"));
        assertTrue(MatrixLibrary.status("AuthenticAMD", false).contains("./course"));
        assertTrue(MatrixLibrary.status("", false).contains("unknown"));
    }

    @Test
    void readsThisMachinesVendorAndMappedLibraries() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertFalse(MatrixLibrary.cpuVendor().isEmpty());
        assertTrue(MatrixLibrary.isLoaded("libjvm.so"));
        assertFalse(MatrixLibrary.isLoaded("no-such-library.so"));
    }

    /** Under ./course on an AMD machine with gcc, the fix must really be in the test JVM. */
    @Test
    void theFixIsLoadedWhereCoursePreloadedIt() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        assumeTrue(preload.contains(MatrixLibrary.FIX));
        assertEquals(true, MatrixLibrary.isLoaded(MatrixLibrary.FIX));
        assertTrue(MatrixLibrary.status().contains("enabled"));
    }
}
