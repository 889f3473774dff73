package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bf16ProbeTest {

    @TempDir
    Path folder;

    @Test
    void measuresBothPrecisionsAndTheirDifference() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Bf16Probe.Result result = Bf16Probe.measure(manager, 64, 32, 48, 1, 2);
            assertTrue(result.fp32Gflops() > 0 && result.bf16Gflops() > 0, result.toString());
            assertTrue(result.maxRelativeDifference() > 0 && result.maxRelativeDifference() < 0.02, result.toString());
            assertEquals(result.bf16Gflops() / result.fp32Gflops(), result.speedUp(), 1e-12);
        }
    }

    @Test
    void namesTheCpusBf16InstructionsFromCpuinfo() throws Exception {
        Path zen4 = Files.writeString(folder.resolve("zen4"),
                "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n\nflags\t\t: other\n");
        Path sapphireRapids = Files.writeString(folder.resolve("spr"), "flags\t: avx512_bf16 amx_bf16 amx_tile\n");
        Path avx2Only = Files.writeString(folder.resolve("avx2"), "flags\t: fpu avx avx2\n");
        assertEquals("avx512_bf16", Bf16Probe.cpuBf16Instructions(zen4));
        assertEquals("avx512_bf16 amx_bf16", Bf16Probe.cpuBf16Instructions(sapphireRapids));
        assertEquals("none", Bf16Probe.cpuBf16Instructions(avx2Only));
        assertTrue(Bf16Probe.cpuBf16Instructions(folder.resolve("missing")).startsWith("unknown"));
    }
}
