package dev.jft.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.jft.text.Gpt2Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GPT-2 model folders in the Hugging Face hub layout: {@code config.json}, {@code model.safetensors}
 * and the tokenizer ({@code vocab.json} + {@code merges.txt}, or {@code tokenizer.json}). Loads the
 * hub's {@code gpt2} folders (weights named with or without the "transformer." prefix) and saves what
 * {@code transformers} loads as {@code GPT2LMHeadModel} (and {@code GPT2Tokenizer}).
 *
 * <pre>{@code
 * Gpt2Checkpoint gpt2 = Gpt2Checkpoints.load(Path.of("downloads/gpt2"));
 * Gpt2Checkpoints.save(Path.of("my-austen-gpt"), new Gpt2Checkpoint("mine", config, decoder.weights(), tokenizer));
 * }</pre>
 */
public final class Gpt2Checkpoints {

    private static final String PREFIX = "transformer.";
    static final String VOCAB = "vocab.json";
    static final String MERGES = "merges.txt";

    private Gpt2Checkpoints() {}

    /** Loads a GPT-2 model folder. */
    public static Gpt2Checkpoint load(Path dir) {
        try {
            Path configFile = dir.resolve(HfCheckpoints.CONFIG);
            if (!Files.isRegularFile(configFile)) {
                throw new IllegalArgumentException(dir + " has no " + HfCheckpoints.CONFIG
                        + ": a GPT-2 model folder needs config.json and model.safetensors (and vocab.json + merges.txt)");
            }
            String configJson = Files.readString(configFile);
            JsonObject raw = ModelTypes.parseConfig(configFile, configJson);
            String type = ModelTypes.of(raw);
            if (!type.equals(ModelTypes.GPT2)) {
                throw new IllegalArgumentException(configFile + " describes a \"" + type + "\" model"
                        + (type.equals(ModelTypes.BERT) ? ": load it with HfCheckpoints.load(dir)" : "")
                        + "; " + ModelTypes.SUPPORTED);
            }
            if (!Files.exists(dir.resolve(HfCheckpoints.WEIGHTS))) {
                throw new IllegalArgumentException(dir + " has no " + HfCheckpoints.WEIGHTS
                        + (Files.exists(dir.resolve("pytorch_model.bin"))
                                ? " (only pytorch_model.bin: convert it to safetensors first)" : ""));
            }
            Gpt2Config config;
            try {
                config = Gpt2Config.fromJson(configJson);
            } catch (RuntimeException e) { // a key of the wrong type, e.g. "n_embd": "big"
                throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
            }
            Map<String, FloatTensor> weights = new LinkedHashMap<>();
            Safetensors.read(dir.resolve(HfCheckpoints.WEIGHTS)).forEach((name, tensor) ->
                    weights.put(name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name, tensor));
            return new Gpt2Checkpoint(dir.toString(), config, weights, tokenizer(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read model folder " + dir, e);
        }
    }

    /**
     * Saves in the hub layout as a {@code GPT2LMHeadModel}: weights with the "transformer." prefix (the
     * tied LM head is not stored, as transformers does), config.json, and the tokenizer's vocab.json and
     * merges.txt when the checkpoint has one.
     */
    public static void save(Path dir, Gpt2Checkpoint checkpoint) {
        try {
            Files.createDirectories(dir);
            Map<String, FloatTensor> prefixed = new LinkedHashMap<>();
            checkpoint.weights().forEach((name, tensor) -> {
                if (!Gpt2Decoder.isBuffer(name) && !name.equals("lm_head.weight")) {
                    prefixed.put(PREFIX + name, tensor);
                }
            });
            Safetensors.write(dir.resolve(HfCheckpoints.WEIGHTS), prefixed);
            Files.writeString(dir.resolve(HfCheckpoints.CONFIG),
                    new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(checkpoint.config().toJson()));
            if (checkpoint.tokenizer() != null) {
                checkpoint.tokenizer().save(dir.resolve(VOCAB), dir.resolve(MERGES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save model to " + dir, e);
        }
    }

    private static Gpt2Tokenizer tokenizer(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(VOCAB)) && Files.isRegularFile(dir.resolve(MERGES))) {
            return Gpt2Tokenizer.fromFiles(dir.resolve(VOCAB), dir.resolve(MERGES));
        }
        if (Files.isRegularFile(dir.resolve(HfCheckpoints.TOKENIZER))) {
            return Gpt2Tokenizer.fromTokenizerJson(Files.readString(dir.resolve(HfCheckpoints.TOKENIZER)));
        }
        return null;
    }
}
