package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import dev.jft.course.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gpt2DecoderTest {

    @TempDir
    Path dir;

    private static final long[][] IDS = {{5, 17, 3, 99, 42, 0, 7, 64}, {1, 2, 3, 4, 5, 6, 7, 8}};

    @Test
    void savesAndLoadsTheHubLayout() throws IOException {
        Gpt2Checkpoint tiny = TinyGpt2.checkpoint(1);
        Gpt2Checkpoints.save(dir, tiny);
        JsonObject config = Json.parse(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
        assertEquals("gpt2", config.get("model_type").getAsString());
        assertEquals("GPT2LMHeadModel", config.getAsJsonArray("architectures").get(0).getAsString());
        Map<String, FloatTensor> stored = Safetensors.read(dir.resolve("model.safetensors"));
        assertTrue(stored.containsKey("transformer.h.0.attn.c_attn.weight"), stored.keySet().toString());
        assertArrayEquals(new long[] {64, 192}, stored.get("transformer.h.0.attn.c_attn.weight").shape());
        assertArrayEquals(new long[] {64, 256}, stored.get("transformer.h.1.mlp.c_fc.weight").shape());

        Gpt2Checkpoint back = Gpt2Checkpoints.load(dir);
        assertEquals(tiny.config(), back.config());
        assertEquals(tiny.weights().keySet(), back.weights().keySet());
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(back, manager);
            decoder.weights().forEach((name, t) -> assertArrayEquals(tiny.weights().get(name).data(), t.data(), name));
        }
    }

    @Test
    void loadsUnprefixedNamesAndSkipsMaskBuffersAndTiedHead() throws IOException {
        Gpt2Checkpoint tiny = TinyGpt2.checkpoint(2);
        Map<String, FloatTensor> hub = new LinkedHashMap<>(tiny.weights());
        hub.put("h.0.attn.bias", new FloatTensor(new long[] {1, 1, 32, 32}, new float[32 * 32]));
        hub.put("h.1.attn.masked_bias", new FloatTensor(new long[] {1}, new float[] {-1e4f}));
        hub.put("lm_head.weight", tiny.weights().get("wte.weight"));
        Safetensors.write(dir.resolve("model.safetensors"), hub);
        JsonObject config = tiny.config().toJson();
        config.remove("model_type"); // old configs: recognised by n_embd / n_layer
        Files.writeString(dir.resolve("config.json"), config.toString());
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(Gpt2Checkpoints.load(dir), manager);
            assertEquals(2, decoder.layerCount());
        }
    }

    @Test
    void extraLayersAndUntiedHeadsAreRefused() {
        Gpt2Checkpoint tiny = TinyGpt2.checkpoint(3);
        Map<String, FloatTensor> extra = new LinkedHashMap<>(tiny.weights());
        extra.put("h.2.ln_1.weight", new FloatTensor(new long[] {64}, new float[64]));
        Map<String, FloatTensor> untied = new LinkedHashMap<>(tiny.weights());
        untied.put("lm_head.weight", new FloatTensor(new long[] {100, 64}, new float[6400]));
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gpt2Decoder.pretrained(new Gpt2Checkpoint("x", tiny.config(), extra, null), manager));
            assertTrue(e.getMessage().contains("h.2.ln_1.weight") && e.getMessage().contains("n_layer"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> Gpt2Decoder.pretrained(new Gpt2Checkpoint("x", tiny.config(), untied, null), manager));
            assertTrue(e.getMessage().contains("tied"), e.getMessage());
        }
    }

    @Test
    void foldersOfOtherArchitecturesNameWhatIsSupported() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"t5\", \"d_model\": 512}");
        Files.writeString(dir.resolve("model.safetensors"), "");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        IllegalArgumentException gpt = assertThrows(IllegalArgumentException.class, () -> Gpt2Checkpoints.load(dir));
        IllegalArgumentException bert = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        for (IllegalArgumentException e : new IllegalArgumentException[] {gpt, bert}) {
            assertTrue(e.getMessage().contains("\"t5\"") && e.getMessage().contains("BERT")
                    && e.getMessage().contains("GPT-2"), e.getMessage());
        }
        Files.writeString(dir.resolve("config.json"), TinyGpt2.CONFIG.toJson().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("Gpt2Checkpoints.load"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), TinyBert.CONFIG.toJson().toString());
        e = assertThrows(IllegalArgumentException.class, () -> Gpt2Checkpoints.load(dir));
        assertTrue(e.getMessage().contains("HfCheckpoints.load"), e.getMessage());
    }

    @Test
    void configRoundTripsAndRefusesWhatItCannotCompute() {
        Gpt2Config config = TinyGpt2.CONFIG;
        assertEquals(config, Gpt2Config.fromJson(config.toJson().toString()));
        JsonObject relu = config.toJson();
        relu.addProperty("activation_function", "relu");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gpt2Config.fromJson(relu.toString()));
        assertTrue(e.getMessage().contains("relu"), e.getMessage());
        assertEquals(TinyGpt2.checkpoint(1).parameterCount(), config.parameterCount());
        // GPT-2 small: 124,439,808 parameters
        assertEquals(124_439_808L, Gpt2Config.of(50257, 1024, 768, 12, 12).parameterCount());
    }

    @Test
    void logitsDependOnlyOnEarlierTokens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(TinyGpt2.checkpoint(4), manager);
            ParameterStore store = new ParameterStore(manager, false);
            long[][] changed = {IDS[0].clone()};
            changed[0][5] = 77;
            float[] a = GradMode.disabled(() -> decoder.forward(store, new NDList(manager.create(new long[][] {IDS[0]})), false)
                    .head().toFloatArray());
            float[] b = GradMode.disabled(() -> decoder.forward(store, new NDList(manager.create(changed)), false)
                    .head().toFloatArray());
            int vocab = 100;
            for (int i = 0; i < 5 * vocab; i++) {
                assertEquals(a[i], b[i], 0f, "position " + i / vocab + " must not see token 5");
            }
            assertTrue(Math.abs(a[5 * vocab] - b[5 * vocab]) > 1e-4, "position 5 sees its own token");
        }
    }

    @Test
    void theCacheGivesTheLogitsOfTheFullSequence() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(TinyGpt2.checkpoint(5), manager);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray ids = manager.create(IDS);
            float[] full = GradMode.disabled(() -> decoder.forward(store, new NDList(ids), false).head().toFloatArray());
            try (KeyValueCache cache = decoder.newCache(manager)) {
                GradMode.disabled(() -> {
                    NDArray first = decoder.forward(store, ids.get(new NDIndex(":, 0:5")), null, cache, false);
                    assertEquals(5, cache.length());
                    NDArray rest = null;
                    for (int t = 5; t < 8; t++) {
                        rest = decoder.forward(store, ids.get(new NDIndex(":, " + t + ":" + (t + 1))), null, cache, false);
                        first = first.concat(rest, 1);
                    }
                    assertEquals(8, cache.length());
                    float[] stepwise = first.toFloatArray();
                    for (int i = 0; i < full.length; i++) {
                        assertEquals(full[i], stepwise[i], 1e-4f, "logit " + i);
                    }
                });
            }
        }
    }

    @Test
    void paddingKeysAreIgnored() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(TinyGpt2.checkpoint(6), manager);
            ParameterStore store = new ParameterStore(manager, false);
            float[] alone = GradMode.disabled(() -> decoder.forward(store,
                    new NDList(manager.create(new long[][] {{5, 17, 3}})), false).head().toFloatArray());
            float[] padded = GradMode.disabled(() -> decoder.forward(store, new NDList(manager.create(
                    new long[][] {{5, 17, 3, 0, 0}}), manager.create(new long[][] {{1, 1, 1, 0, 0}})), false)
                    .head().toFloatArray());
            for (int i = 0; i < alone.length; i++) {
                assertEquals(alone[i], padded[i], 1e-4f);
            }
        }
    }

    @Test
    void tooLongSequencesAreRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(TinyGpt2.checkpoint(7), manager);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decoder.forward(
                    new ParameterStore(manager, false), new NDList(manager.zeros(new ai.djl.ndarray.types.Shape(1, 33),
                            ai.djl.ndarray.types.DataType.INT64)), false));
            assertTrue(e.getMessage().contains("32 positions"), e.getMessage());
        }
    }

    @Test
    void aFreshDecoderInitialisesLikeAnyBlock() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = new Gpt2Decoder(TinyGpt2.CONFIG);
            decoder.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, Gpt2Decoder.inputShapes());
            float[] wte = decoder.weights().get("wte.weight").data();
            double sq = 0;
            for (float v : wte) {
                sq += v * v;
            }
            assertEquals(0.02, Math.sqrt(sq / wte.length), 0.003, "N(0, 0.02) embeddings");
            assertArrayEquals(new long[] {2, 8, 100}, GradMode.disabled(() -> decoder.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(IDS)), false).head().getShape().getShape()));
            assertEquals(32 * 64 + 100 * 64, decoder.weights().get("wpe.weight").data().length + wte.length);
        }
    }

    @Test
    void theTokenizerTravelsAsVocabJsonAndMergesTxt() throws IOException {
        dev.jft.text.Gpt2Tokenizer gpt2 = dev.jft.text.Gpt2Tokenizer.gpt2();
        Gpt2Checkpoint tiny = TinyGpt2.checkpoint(8);
        Gpt2Checkpoints.save(dir, new Gpt2Checkpoint("tiny", tiny.config(), tiny.weights(), gpt2));
        assertTrue(Files.readString(dir.resolve("merges.txt")).startsWith("#version: 0.2\nĠ t\n"));
        dev.jft.text.Gpt2Tokenizer back = Gpt2Checkpoints.load(dir).tokenizer();
        String text = "It is a truth universally acknowledged, naïve 日本 🙂";
        assertArrayEquals(gpt2.encode(text), back.encode(text));
        assertEquals(50_257, back.vocabSize());
        assertEquals(50_000, back.mergeCount());
    }
}
