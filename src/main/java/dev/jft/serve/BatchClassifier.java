package dev.jft.serve;

import java.util.List;

/**
 * What the server serves: a classifier of whole batches, called from one thread at a time (the
 * batcher's), so it need not be thread-safe. {@link ServedModel} is the real one; tests plug in
 * fakes.
 *
 * <pre>{@code
 * try (ServedModel model = ServedModel.load(Path.of("models/minilm-sentiment"))) {
 *     List<ServedPrediction> out = model.classify(List.of("great film", "dull"));
 * }
 * }</pre>
 */
public interface BatchClassifier {

    /** One answer per text, in order. */
    List<ServedPrediction> classify(List<String> texts);

    /** The model's name, labels, maximum length and version. */
    ModelInfo info();
}
