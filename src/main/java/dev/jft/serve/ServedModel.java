package dev.jft.serve;

import ai.djl.ndarray.NDManager;
import dev.jft.model.Prediction;
import dev.jft.model.SequenceClassifier;
import dev.jft.model.TextClassifierPredictor;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A model folder the course saved ({@code classifier.save(folder)}: config.json, model.safetensors,
 * tokenizer.json, labels in config.json), loaded for serving: weights, head, labels and pooling all
 * come from the folder. Not thread-safe: the server calls it from its batcher thread only.
 *
 * <pre>{@code
 * try (ServedModel model = ServedModel.load(Path.of("models/minilm-sentiment"), 128, 32)) {
 *     model.info();                                   // name, labels, max length, version
 *     model.classify(List.of("What a great film"));   // [positive (0.981)], not truncated
 * }
 * }</pre>
 */
public final class ServedModel implements BatchClassifier, AutoCloseable {

    /** Tokens read per text unless told otherwise (the catalog encoders were trained on 128). */
    public static final int DEFAULT_MAX_LENGTH = 128;

    private final NDManager manager;
    private final TextClassifierPredictor predictor;
    private final TextTokenizer lengths;
    private final ModelInfo info;

    private ServedModel(NDManager manager, SequenceClassifier classifier, int maxLength, int batchSize, String name,
            String version) {
        this.manager = manager;
        this.predictor = new TextClassifierPredictor(classifier, maxLength, batchSize);
        this.lengths = classifier.tokenizer(maxLength, Padding.DYNAMIC);
        this.info = new ModelInfo(name, classifier.labels().names(), maxLength, version);
    }

    /** Loads {@code folder} with {@link #DEFAULT_MAX_LENGTH} tokens and forward passes of up to 32 texts. */
    public static ServedModel load(Path folder) {
        return load(folder, DEFAULT_MAX_LENGTH, 32);
    }

    /**
     * Loads {@code folder}.
     *
     * @param maxLength tokens read per text (at most the model's position table); longer texts are truncated
     * @param batchSize texts per forward pass (a larger call is split)
     */
    public static ServedModel load(Path folder, int maxLength, int batchSize) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder.toAbsolutePath() + " is not a folder: give the folder a"
                    + " classifier was saved to with classifier.save(folder)");
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            SequenceClassifier classifier = SequenceClassifier.builder().encoder(folder).build(manager);
            int positions = classifier.encoder().config().maxPositions();
            if (maxLength < 2 || maxLength > positions) {
                throw new IllegalArgumentException("maxLength must be between 2 and the model's " + positions
                        + " positions, got " + maxLength);
            }
            Path name = folder.toAbsolutePath().normalize().getFileName();
            return new ServedModel(manager, classifier, maxLength, batchSize, name == null ? "model" : name.toString(),
                    version(folder));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public List<ServedPrediction> classify(List<String> texts) {
        List<Prediction> predictions = predictor.predict(texts);
        List<ServedPrediction> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            boolean truncated = lengths.truncationReport(List.of(texts.get(i))).truncated() > 0;
            out.add(new ServedPrediction(predictions.get(i), truncated));
        }
        return out;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The first 12 hex digits of the SHA-256 of config.json and model.safetensors. */
    static String version(Path folder) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (String file : List.of("config.json", "model.safetensors")) {
                try (InputStream in = Files.newInputStream(folder.resolve(file))) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Frees the tokenizers and the model's native memory. */
    @Override
    public void close() {
        predictor.close();
        lengths.close();
        manager.close();
    }
}
