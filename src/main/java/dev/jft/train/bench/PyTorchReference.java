package dev.jft.train.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PyTorch eager reference of the benchmark: {@code scripts/bench/pytorch_train_reference.py}
 * (the course's model, shapes and training step in Python, on Debian's {@code python3-torch}) in
 * a child process that trains when asked, so that its blocks alternate with ours and both see
 * the same machine load. Its idle threads wait passively ({@code OMP_WAIT_POLICY=PASSIVE}) rather
 * than spin on the cores our blocks use.
 *
 * <pre>{@code
 * try (PyTorchReference pytorch = PyTorchReference.start(2)) {
 *     double seconds = pytorch.secondsFor(5);        // five steps, batch 16 x 64 tokens
 *     double examplesPerSecond = 5 * 16 / seconds;
 * }
 * }</pre>
 */
public final class PyTorchReference implements AutoCloseable {

    static final Path SCRIPT = Path.of("scripts", "bench", "pytorch_train_reference.py");
    private static final String PYTHON = "/usr/bin/python3";
    private static final long START_TIMEOUT_S = 120;
    private static final String INSTALL = "Install it with 'sudo apt-get install python3-torch libopenblas0-pthread'"
            + " (./course benchmark does so).";

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final long parameters;
    private final String torchVersion;

    private PyTorchReference(Process process, BufferedReader out, Writer in, String readyLine) {
        this.process = process;
        this.out = out;
        this.in = in;
        String[] ready = readyLine.split(" ");
        this.parameters = Long.parseLong(ready[1]);
        this.torchVersion = ready[2];
    }

    /** Starts the reference with {@code threads} intra-op threads; the script is found from the working folder. */
    public static PyTorchReference start(int threads) throws IOException {
        return start(SCRIPT.toAbsolutePath(), threads);
    }

    static PyTorchReference start(Path script, int threads) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("The PyTorch reference script " + script + " is missing: run the benchmark"
                    + " from the course's folder (./course benchmark).");
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing, which runs the PyTorch reference. " + INSTALL);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(PYTHON, script.toString(), "--threads",
                Integer.toString(threads)));
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        try {
            String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(START_TIMEOUT_S, TimeUnit.SECONDS);
            if (ready == null || !ready.startsWith("ready ")) {
                throw new IllegalStateException("The PyTorch reference did not start (it said " + ready + "; its errors"
                        + " are above). If 'import torch' failed: " + INSTALL);
            }
            return new PyTorchReference(process, out, in, ready);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IllegalStateException state ? state
                    : new IllegalStateException("The PyTorch reference did not get ready within " + START_TIMEOUT_S
                            + " s", e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Trains {@code steps} steps and returns their wall seconds, as the script measured them. */
    public double secondsFor(int steps) throws IOException {
        in.write("train " + steps + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("seconds ")) {
            throw new IllegalStateException("The PyTorch reference stopped (it said " + answer + "; its errors are above)");
        }
        return Double.parseDouble(answer.substring("seconds ".length()));
    }

    /** Parameters of the reference model (the same as our classifier's). */
    public long parameters() {
        return parameters;
    }

    /** The version of PyTorch the reference runs. */
    public String torchVersion() {
        return torchVersion;
    }

    /** Asks the script to quit, and ends it forcibly if it has not within a few seconds. */
    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the child process still runs (for tests). */
    boolean alive() {
        return process.isAlive();
    }
}
