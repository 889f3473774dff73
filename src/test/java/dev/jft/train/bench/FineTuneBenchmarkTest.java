package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end at tiny sizes and prints every row (figures are not checked here). */
class FineTuneBenchmarkTest {

    @Test
    void aTinyRunFillsEveryRow() throws Exception {
        BenchmarkOptions tiny = BenchmarkOptions.parse("--quick", "--train", "16", "--rounds", "1", "--matmul", "1",
                "--warmup", "0");
        ResultTable table = FineTuneBenchmark.run(tiny);
        List<String> measures = table.measures();
        assertEquals(24, measures.size(), table.toString());
        for (String expected : List.of("FIXED padding", "DYNAMIC padding", "dynamic / fixed", "ours (DJL",
                "ONNX Runtime (fp32", "ONNX Runtime (int8", "ours / ONNX Runtime fp32", "ours / ONNX Runtime int8",
                "PyTorch 1.13", "ours / PyTorch eager", "train step ms, fixed shapes (forward", "train GFLOP/s",
                "train / forward GFLOP/s", "forward GFLOP/s, ours", "forward GFLOP/s, ONNX",
                "matmul peak GFLOP/s", "forward / matmul peak",
                "fp32 linear GFLOP/s", "bf16 linear GFLOP/s", "bf16 / fp32 linear (max difference",
                "key/value cache (GPT-2 6 x 256",
                "no cache (same tokens: true)", "cache / none", "VmHWM")) {
            assertTrue(measures.stream().anyMatch(m -> m.contains(expected)), expected + " missing:\n" + table);
        }
        String printed = table.toString();
        assertTrue(printed.contains("MKL"), "the title names the matrix library's path:\n" + printed);
        assertTrue(printed.lines().dropWhile(line -> !line.startsWith("| ---")).skip(1)
                .allMatch(line -> line.matches("\\| .+ \\| [0-9.]+[x%]?( \\[[0-9.]+x?-[0-9.]+x?\\])? +\\| .*\\|")), printed);
    }

    @Test
    void optionsParseSizesAndRejectBadInput() {
        BenchmarkOptions options = BenchmarkOptions.parse("--train", "48", "--rounds", "5");
        assertEquals(48, options.trainExamples());
        assertEquals(5, options.inferenceRounds());
        assertEquals("all-MiniLM-L6-v2", options.model());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--fast"));
        assertTrue(unknown.getMessage().contains("--quick"), unknown.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse("--train", "many"));
        assertTrue(notNumber.getMessage().contains("whole number"), notNumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--train", "4"));
    }
}
