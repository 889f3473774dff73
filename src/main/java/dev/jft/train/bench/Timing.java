package dev.jft.train.bench;

/**
 * Wall-clock timing after warm-up: the first runs (JIT, allocator and thread-pool start-up) are
 * not counted.
 *
 * <pre>{@code
 * double seconds = Timing.seconds(3, () -> step.run());   // warm-up 3 times, then time one run
 * }</pre>
 */
final class Timing {

    /** Work that may throw. */
    interface Work {
        void run() throws Exception;
    }

    private Timing() {}

    /** Seconds one run of {@code work} takes, after {@code warmup} untimed runs of {@code warmupWork}. */
    static double seconds(int warmup, Work warmupWork, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            warmupWork.run();
        }
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Total seconds of each task over {@code rounds} rounds, after {@code warmup} untimed rounds;
     * the tasks take turns within a round so that all see the same machine load.
     */
    static double[] inTurns(int warmup, int rounds, Work... tasks) throws Exception {
        double[] total = new double[tasks.length];
        for (int round = -warmup; round < rounds; round++) {
            for (int t = 0; t < tasks.length; t++) {
                long start = System.nanoTime();
                tasks[t].run();
                if (round >= 0) {
                    total[t] += (System.nanoTime() - start) / 1e9;
                }
            }
        }
        return total;
    }

    /**
     * Seconds of each task in each of {@code blocks} blocks of {@code runsPerBlock} timed runs
     * ({@code [task][block]}), after {@code warmup} untimed rounds. The tasks take turns block by
     * block, so that all see the same machine load, and each block is opened by one untimed run:
     * for tasks on different runtimes in one process, a runtime's worker threads keep spinning for
     * a while after its work ends, and on a 2-core machine they would take the cores from the other
     * runtime's next run.
     */
    static double[][] inBlocks(int warmup, int blocks, int runsPerBlock, Work... tasks) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Work task : tasks) {
                task.run();
            }
        }
        double[][] seconds = new double[tasks.length][blocks];
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < tasks.length; t++) {
                tasks[t].run();
                long start = System.nanoTime();
                for (int i = 0; i < runsPerBlock; i++) {
                    tasks[t].run();
                }
                seconds[t][b] = (System.nanoTime() - start) / 1e9;
            }
        }
        return seconds;
    }
}
