package dev.jft.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jft.model.SequenceClassifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Python reference trains the same model (by parameter count) and ends with the benchmark. */
class PyTorchReferenceTest {

    @Test
    void trainsTheSameModelAndEndsWhenClosed() throws Exception {
        long ours = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2")
                    .labels(SentimentSample.LABELS).seed(42).build(manager);
            for (Pair<String, Parameter> parameter : classifier.getParameters()) {
                ours += parameter.getValue().getArray().size();
            }
        }
        PyTorchReference pytorch = PyTorchReference.start(1);
        try (pytorch) {
            assertEquals(ours, pytorch.parameters());
            assertTrue(pytorch.torchVersion().startsWith("1.13"), pytorch.torchVersion());
            double seconds = pytorch.secondsFor(1);
            assertTrue(seconds > 0 && Double.isFinite(seconds), "seconds: " + seconds);
        }
        assertFalse(pytorch.alive(), "the Python process ended with close()");
    }

    @Test
    void aMissingScriptIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PyTorchReference.start(Path.of("no", "such", "reference.py"), 1));
        assertTrue(error.getMessage().contains("./course benchmark"), error.getMessage());
    }
}
