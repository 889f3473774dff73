package dev.jft.kernel;

import java.util.Arrays;
import java.util.Map;

/**
 * Prints how long the kernel takes from process launch to its first {@code execute_result}
 * (target: at most 1.5 s), over a few fresh kernels.
 *
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.jft.kernel.KernelStartBenchmark 5 -XX:TieredStopAtLevel=1
 * }</pre>
 */
public final class KernelStartBenchmark {

    private KernelStartBenchmark() {}

    /** {@code args[0]}: how many kernels to start (default 3); further arguments: extra kernel JVM options. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long best = Long.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            try (KernelClient kernel = KernelClient.start(Map.of(), Arrays.asList(args).subList(Math.min(1, args.length), args.length))) {
                KernelClient.Exchange result = kernel.execute("1 + 1");
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (result.ofType("execute_result").isEmpty()) {
                    throw new IllegalStateException("no execute_result: " + result);
                }
                best = Math.min(best, millis);
                System.out.printf("run %d: %d ms from launch to first execute_result%n", run, millis);
            }
        }
        System.out.printf("best of %d: %d ms (target <= 1500 ms)%n", runs, best);
    }
}
