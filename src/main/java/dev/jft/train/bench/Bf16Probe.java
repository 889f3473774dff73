package dev.jft.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether bfloat16 would pay on this CPU: one linear layer at the encoder's feed-forward shape,
 * float32 through DJL against bf16 through {@link TorchScriptBf16Linear}, in alternating turns, with
 * the largest difference between their outputs. The answer depends on the CPU's bf16 instructions
 * (AVX-512 BF16, AMX), which {@link #cpuBf16Instructions()} names.
 *
 * <pre>{@code
 * Bf16Probe.Result probe = Bf16Probe.measure(manager, 1024, 384, 1536, 2, 10);
 * System.out.println(probe.speedUp() + "x, CPU bf16 instructions: " + Bf16Probe.cpuBf16Instructions());
 * }</pre>
 */
public final class Bf16Probe {

    private static final List<String> BF16_FLAGS = List.of("avx512_bf16", "amx_bf16");

    /** GFLOP/s of both precisions and the largest output difference relative to the largest fp32 output. */
    public record Result(double fp32Gflops, double bf16Gflops, double maxRelativeDifference) {
        public double speedUp() {
            return bf16Gflops / fp32Gflops;
        }
    }

    private Bf16Probe() {}

    /** Times {@code rounds} turns of each precision on a [rows, in] input and an [out, in] weight, after
     * {@code warmup} untimed turns. */
    public static Result measure(NDManager manager, int rows, int in, int out, int warmup, int rounds)
            throws Exception {
        Path folder = Files.createTempDirectory("bf16-probe");
        try (NDManager scope = manager.newSubManager();
                TorchScriptBf16Linear bf16 = TorchScriptBf16Linear.load(scope, folder)) {
            NDArray x = scope.randomNormal(new Shape(rows, in));
            NDArray weight = scope.randomNormal(0, (float) (1 / Math.sqrt(in)), new Shape(out, in), x.getDataType());
            NDArray bias = scope.zeros(new Shape(out));
            Timing.Work fp32 = () -> once(Linear.linear(x, weight, bias).singletonOrThrow());
            Timing.Work reduced = () -> once(bf16.apply(x, weight, bias, false));
            double[] seconds = Timing.inTurns(warmup, rounds, fp32, reduced);
            double flop = 2.0 * rows * in * out * rounds;
            try (NDArray exact = Linear.linear(x, weight, bias).singletonOrThrow();
                    NDArray approximate = bf16.apply(x, weight, bias, false)) {
                return new Result(flop / seconds[0] / 1e9, flop / seconds[1] / 1e9,
                        relativeDifference(exact, approximate));
            }
        } finally {
            Files.deleteIfExists(folder.resolve(TorchScriptBf16Linear.FILE_NAME));
            Files.deleteIfExists(folder);
        }
    }

    /** The largest absolute difference of two arrays over the largest absolute value of {@code exact}. */
    static float relativeDifference(NDArray exact, NDArray approximate) {
        return exact.sub(approximate).abs().max().getFloat() / exact.abs().max().getFloat();
    }

    /** This CPU's bf16 instruction sets from /proc/cpuinfo, space-separated; "none" if it has none. */
    public static String cpuBf16Instructions() {
        return cpuBf16Instructions(Path.of("/proc/cpuinfo"));
    }

    static String cpuBf16Instructions(Path cpuinfo) {
        List<String> flags;
        try (var lines = Files.lines(cpuinfo)) {
            flags = lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(List.of());
        } catch (IOException e) {
            return "unknown (" + cpuinfo + " unreadable)";
        }
        String found = BF16_FLAGS.stream().filter(flags::contains).collect(Collectors.joining(" "));
        return found.isEmpty() ? "none" : found;
    }

    /** Makes sure an eagerly computed product is done (by reading one value), then frees it. */
    private static void once(NDArray product) {
        try (product) {
            product.getFloat(0, 0);
        }
    }
}
