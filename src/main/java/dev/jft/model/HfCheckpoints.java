package dev.jft.model;

import dev.jft.course.Json;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model directories in the Hugging Face hub layout: {@code config.json}, {@code model.safetensors}
 * and {@code tokenizer.json}. Loads BERT directories downloaded from the hub (weights named with or
 * without the "bert." prefix) and saves what {@code transformers} loads back
 * ({@code BertModel}, {@code BertForSequenceClassification}, {@code BertForTokenClassification}).
 *
 * <pre>{@code
 * Checkpoint checkpoint = HfCheckpoints.load(Path.of("downloads/bert-mini"));
 * HfCheckpoints.save(Path.of("out"), checkpoint);
 * }</pre>
 */
public final class HfCheckpoints {

    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    static final String TOKENIZER = "tokenizer.json";
    private static final String PREFIX = "bert.";
    /** Our own config.json key (transformers keeps unknown keys and ignores them). */
    static final String POOLING_KEY = "jft_pooling";
    private static final List<String> HEAD_NAMES = List.of("classifier.weight", "classifier.bias");

    /** What the loaders can build, for error messages. */
    static final String SUPPORTED = ModelTypes.SUPPORTED;

    private HfCheckpoints() {}

    /** Loads a BERT model directory (a classification head and its labels too, when present). */
    public static Checkpoint load(Path dir) {
        try {
            require(dir, CONFIG);
            require(dir, TOKENIZER);
            if (!Files.exists(dir.resolve(WEIGHTS))) {
                throw new IllegalArgumentException(dir + " has no " + WEIGHTS
                        + (Files.exists(dir.resolve("pytorch_model.bin"))
                                ? " (only pytorch_model.bin: convert it to safetensors first)" : ""));
            }
            Path configFile = dir.resolve(CONFIG);
            String configJson = Files.readString(configFile);
            JsonObject raw = parseConfig(configFile, configJson);
            String modelType = ModelTypes.of(raw);
            if (!modelType.equals(ModelTypes.BERT)) {
                throw new IllegalArgumentException(configFile + " describes a \"" + modelType + "\" model"
                        + (raw.has("architectures") ? " " + raw.get("architectures") : "")
                        + (modelType.equals(ModelTypes.GPT2) ? ": load it with Gpt2Checkpoints.load(dir)" : "")
                        + "; " + SUPPORTED);
            }
            Map<String, FloatTensor> encoder = new LinkedHashMap<>();
            Map<String, FloatTensor> head = new LinkedHashMap<>();
            Safetensors.read(dir.resolve(WEIGHTS)).forEach((name, tensor) -> {
                if (HEAD_NAMES.contains(name)) {
                    head.put(name, tensor);
                } else {
                    encoder.put(modernName(name), tensor);
                }
            });
            BertConfig config;
            try {
                config = BertConfig.fromJson(configJson);
            } catch (RuntimeException e) { // a key of the wrong type, e.g. "hidden_size": "big"
                throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
            }
            return new Checkpoint(dir.toString(), config, encoder,
                    Files.readString(dir.resolve(TOKENIZER)), head, labels(raw), pooling(raw),
                    head.isEmpty() || !raw.has("architectures") ? null
                            : raw.getAsJsonArray("architectures").get(0).getAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read model directory " + dir, e);
        }
    }

    /**
     * Saves in the hub layout. With a head, names get the "bert." prefix and the config names the
     * given architecture with id2label/label2id; without, it is a plain {@code BertModel}.
     */
    public static void save(Path dir, Checkpoint checkpoint, String architecture) {
        try {
            Files.createDirectories(dir);
            boolean hasHead = !checkpoint.head().isEmpty();
            Map<String, FloatTensor> all = new LinkedHashMap<>();
            checkpoint.weights().forEach((name, t) -> all.put(hasHead ? PREFIX + name : name, t));
            all.putAll(checkpoint.head());
            Safetensors.write(dir.resolve(WEIGHTS), all);

            JsonObject config = checkpoint.config().toJson();
            JsonArray architectures = new JsonArray();
            architectures.add(hasHead ? architecture : "BertModel");
            config.add("architectures", architectures);
            if (hasHead) {
                JsonObject id2label = new JsonObject();
                JsonObject label2id = new JsonObject();
                for (int i = 0; i < checkpoint.labels().size(); i++) {
                    id2label.addProperty(Integer.toString(i), checkpoint.labels().get(i));
                    label2id.addProperty(checkpoint.labels().get(i), i);
                }
                config.add("id2label", id2label);
                config.add("label2id", label2id);
            }
            if (checkpoint.pooling() != null) {
                config.addProperty(POOLING_KEY, checkpoint.pooling().name());
            }
            Files.writeString(dir.resolve(CONFIG), new GsonBuilder().setPrettyPrinting().create().toJson(config));
            Files.writeString(dir.resolve(TOKENIZER), withoutFixedPadding(checkpoint.tokenizerJson()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save model to " + dir, e);
        }
    }

    /** Saves a plain encoder ({@code BertModel}). */
    public static void save(Path dir, Checkpoint checkpoint) {
        save(dir, checkpoint, "BertModel");
    }

    /** Drops the "bert." prefix; old checkpoints (e.g. bert-base-uncased) call LayerNorm weights gamma/beta. */
    static String modernName(String name) {
        String bare = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        if (bare.contains("LayerNorm.")) {
            if (bare.endsWith(".gamma")) {
                return bare.substring(0, bare.length() - "gamma".length()) + "weight";
            }
            if (bare.endsWith(".beta")) {
                return bare.substring(0, bare.length() - "beta".length()) + "bias";
            }
        }
        return bare;
    }

    /** Padding and truncation belong to the caller: clear the fixed ones the shipped files carry. */
    static String withoutFixedPadding(String tokenizerJson) {
        JsonObject json = Json.parse(tokenizerJson).getAsJsonObject();
        json.add("padding", JsonNull.INSTANCE);
        json.add("truncation", JsonNull.INSTANCE);
        return json.toString();
    }

    private static Pooling pooling(JsonObject config) {
        if (!config.has(POOLING_KEY)) {
            return null;
        }
        String name = config.get(POOLING_KEY).getAsString();
        try {
            return Pooling.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config.json " + POOLING_KEY + " \"" + name + "\" is not one of "
                    + java.util.Arrays.toString(Pooling.values()), e);
        }
    }

    private static List<String> labels(JsonObject config) {
        if (!config.has("id2label")) {
            return List.of();
        }
        JsonObject id2label = config.getAsJsonObject("id2label");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < id2label.size(); i++) {
            if (!id2label.has(Integer.toString(i))) {
                throw new IllegalArgumentException("config.json id2label has no entry for class " + i);
            }
            labels.add(id2label.get(Integer.toString(i)).getAsString());
        }
        return labels;
    }

    private static JsonObject parseConfig(Path file, String json) {
        return ModelTypes.parseConfig(file, json);
    }

    private static void require(Path dir, String file) {
        if (!Files.isRegularFile(dir.resolve(file))) {
            throw new IllegalArgumentException(dir + " has no " + file
                    + ": a model directory needs config.json, model.safetensors and tokenizer.json");
        }
    }
}
