package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.jft.course.Course;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our GPT-2 against an independent implementation: a plain PyTorch forward pass written from the
 * Hugging Face definition ({@code src/test/python/gpt2_reference.py}, Debian's python3-torch), on the
 * same random checkpoint read from the same safetensors file. Skipped only where python3-torch is not
 * installed; {@code ./course test} installs it.
 */
class Gpt2ParityTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void logitsMatchAPlainPyTorchGpt2() throws IOException, InterruptedException {
        Assumptions.assumeTrue(torchInstalled(), "python3-torch is not installed (apt-get install python3-torch;"
                + " ./course test installs it): the parity test against PyTorch is skipped");
        Gpt2Checkpoint tiny = TinyGpt2.checkpoint(11);
        Gpt2Checkpoints.save(dir, tiny);
        long[][] ids = {{5, 17, 3, 99, 42, 0, 7, 64, 12, 12, 12, 80}, {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0}};
        long[][] mask = {{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}};
        Path input = dir.resolve("input.json");
        Files.writeString(input, "{\"input_ids\": " + Arrays.deepToString(ids) + ", \"attention_mask\": "
                + Arrays.deepToString(mask) + "}");
        Path output = dir.resolve("logits.bin");
        Path script = Course.home().resolve("src/test/python/gpt2_reference.py");
        Process python = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), input.toString(), output.toString())
                .redirectErrorStream(true).start();
        String log = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(300, TimeUnit.SECONDS), "the PyTorch reference did not finish");
        assertEquals(0, python.exitValue(), log);
        float[] theirs = floats(Files.readAllBytes(output));

        float[] ours;
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(Gpt2Checkpoints.load(dir), manager);
            ours = GradMode.disabled(() -> decoder.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(ids), manager.create(mask)), false).head().toFloatArray());
        }
        assertEquals(2 * 12 * 100, theirs.length, log);
        assertEquals(theirs.length, ours.length);
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < ours.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(ours[i] - theirs[i]));
            maxAbs = Math.max(maxAbs, Math.abs(theirs[i]));
        }
        System.out.printf("GPT-2 parity with PyTorch (%s): max |logit difference| %.2e over %d logits (max |logit| %.1f)%n",
                log.strip(), maxDiff, ours.length, maxAbs);
        assertTrue(maxAbs > 1, "the logits are not trivial");
        // measured: 3.6e-6 (float32 sums in another order), logits up to 6 in size
        assertTrue(maxDiff < 1e-5, "max |logit difference| " + maxDiff + " against PyTorch");
    }

    static boolean torchInstalled() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
