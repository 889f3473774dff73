package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void encoderRoundTripsThroughTheHubLayout() {
        Checkpoint tiny = TinyBert.checkpoint();
        HfCheckpoints.save(dir, tiny);
        Checkpoint back = HfCheckpoints.load(dir);
        assertEquals(tiny.config(), back.config());
        assertEquals(tiny.weights().keySet(), back.weights().keySet());
        tiny.weights().forEach((name, t) -> assertArrayEquals(t.data(), back.weights().get(name).data(), name));
        assertTrue(back.head().isEmpty());
    }

    @Test
    void loadsHubDirectoriesWithBertPrefixAndPooler() throws IOException {
        Checkpoint tiny = TinyBert.checkpoint();
        Map<String, FloatTensor> hub = new LinkedHashMap<>();
        tiny.weights().forEach((name, t) -> hub.put("bert." + name, t));
        hub.put("bert.pooler.dense.weight", new FloatTensor(new long[] {8, 8}, new float[64]));
        writeDirectory(hub);

        Checkpoint back = HfCheckpoints.load(dir);
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = BertEncoder.pretrained(back, manager); // the pooler is ignored
            assertArrayEquals(tiny.weights().get("encoder.layer.1.output.dense.weight").data(),
                    encoder.weights().get("encoder.layer.1.output.dense.weight").data());
        }
    }

    @Test
    void oldLayerNormNamesAreModernised() {
        assertEquals("embeddings.LayerNorm.weight", HfCheckpoints.modernName("bert.embeddings.LayerNorm.gamma"));
        assertEquals("encoder.layer.3.output.LayerNorm.bias", HfCheckpoints.modernName("encoder.layer.3.output.LayerNorm.beta"));
        assertEquals("encoder.layer.3.output.dense.bias", HfCheckpoints.modernName("bert.encoder.layer.3.output.dense.bias"));
    }

    @Test
    void missingTensorIsNamed() {
        Map<String, FloatTensor> weights = new LinkedHashMap<>(TinyBert.checkpoint().weights());
        weights.remove("encoder.layer.1.attention.self.key.bias");
        Checkpoint bad = new Checkpoint("short", TinyBert.CONFIG, weights, TinyBert.TOKENIZER_JSON, null, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BertEncoder.pretrained(bad, manager));
            assertTrue(e.getMessage().contains("encoder.layer.1.attention.self.key.bias"), e.getMessage());
        }
    }

    @Test
    void mismatchedTensorNamesBothShapes() throws IOException {
        Map<String, FloatTensor> weights = new LinkedHashMap<>(TinyBert.checkpoint().weights());
        weights.put("encoder.layer.0.intermediate.dense.weight", new FloatTensor(new long[] {8, 16}, new float[128]));
        Checkpoint bad = new Checkpoint("bad", TinyBert.CONFIG, weights, TinyBert.TOKENIZER_JSON, null, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BertEncoder.pretrained(bad, manager));
            assertTrue(e.getMessage().contains("encoder.layer.0.intermediate.dense.weight"), e.getMessage());
            assertTrue(e.getMessage().contains("[8, 16]") && e.getMessage().contains("[16, 8]"), e.getMessage());
        }
    }

    @Test
    void missingFilesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void savedClassifierUsesTransformersNamesAndReloadsIdentically() throws IOException {
        Checkpoint tiny = TinyBert.checkpoint();
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier model = SequenceClassifier.builder()
                    .encoder(tiny).labels("neg", "neu", "pos").pooling(Pooling.POOLER).seed(3).build(manager);
            model.save(dir);

            Map<String, FloatTensor> saved = Safetensors.read(dir.resolve("model.safetensors"));
            assertTrue(saved.containsKey("bert.embeddings.word_embeddings.weight"));
            assertTrue(saved.containsKey("bert.encoder.layer.1.attention.self.value.bias"));
            assertArrayEquals(new long[] {3, 8}, saved.get("classifier.weight").shape());
            assertArrayEquals(new long[] {8, 8}, saved.get("bert.pooler.dense.weight").shape());
            JsonObject config = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
            assertEquals("BertForSequenceClassification", config.getAsJsonArray("architectures").get(0).getAsString());
            assertEquals("neu", config.getAsJsonObject("id2label").get("1").getAsString());
            assertEquals(2, config.getAsJsonObject("label2id").get("pos").getAsInt());
            assertEquals(1e-12, config.get("layer_norm_eps").getAsDouble());

            SequenceClassifier reloaded = SequenceClassifier.builder().encoder(dir).seed(99).build(manager);
            assertEquals(Pooling.POOLER, reloaded.pooling()); // remembered in config.json
            assertEquals(List.of("neg", "neu", "pos"), reloaded.labels().names());
            try (NDManager step = manager.newSubManager()) {
                var inputs = TinyBert.batch().inputs(step);
                float[] before = model.forward(new ParameterStore(step, false), inputs, false).head().toFloatArray();
                float[] after = reloaded.forward(new ParameterStore(step, false), inputs, false).head().toFloatArray();
                assertArrayEquals(before, after, 1e-6f);
            }
        }
    }

    @Test
    void malformedConfigNamesTheFile() throws IOException {
        writeDirectory(TinyBert.checkpoint().weights());
        Files.writeString(dir.resolve("config.json"), "{\"hidden_size\": 8,, }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("not valid JSON"), e.getMessage());

        Files.writeString(dir.resolve("config.json"),
                TinyBert.CONFIG.toJson().toString().replace("\"hidden_size\":8", "\"hidden_size\":\"big\""));
        e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void otherArchitecturesAreRefusedNamingWhatIsSupported() throws IOException {
        writeDirectory(TinyBert.checkpoint().weights());
        Files.writeString(dir.resolve("config.json"),
                "{\"model_type\": \"gpt2\", \"architectures\": [\"GPT2LMHeadModel\"], \"n_layer\": 12}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("gpt2") && e.getMessage().contains("BERT"), e.getMessage());

        Files.writeString(dir.resolve("config.json"), "{\"d_model\": 512, \"num_layers\": 6}");
        e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoints.load(dir));
        assertTrue(e.getMessage().contains("t5-like") && e.getMessage().contains("model_type \"bert\""),
                e.getMessage());
    }

    @Test
    void weightsOfMoreLayersThanTheConfigSaysFailTheLoad() {
        BertConfig fewer = new BertConfig(TinyBert.CONFIG.vocabSize(), TinyBert.CONFIG.hiddenSize(),
                TinyBert.CONFIG.numLayers() - 1, TinyBert.CONFIG.numHeads(), TinyBert.CONFIG.intermediateSize(),
                TinyBert.CONFIG.maxPositions(), TinyBert.CONFIG.typeVocabSize(), TinyBert.CONFIG.layerNormEps(),
                0.1, 0.1);
        Checkpoint bad = new Checkpoint("short-config", fewer, TinyBert.checkpoint().weights(),
                TinyBert.TOKENIZER_JSON, null, null);
        String lastLayer = "encoder.layer." + (TinyBert.CONFIG.numLayers() - 1) + ".";
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BertEncoder.pretrained(bad, manager));
            assertTrue(e.getMessage().contains(lastLayer) && e.getMessage().contains("num_hidden_layers"),
                    e.getMessage());
        }
    }

    @Test
    void aTokenClassifierFolderIsNotASequenceClassifier() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenClassifier.builder().encoder(TinyBert.checkpoint()).labels("O", "B-PER").build(manager).save(dir);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SequenceClassifier.builder().encoder(dir).build(manager));
            assertTrue(e.getMessage().contains("BertForTokenClassification")
                    && e.getMessage().contains("TokenClassifier"), e.getMessage());
            TokenClassifier.builder().encoder(dir).build(manager); // the right kind still loads
        }
    }

    @Test
    void otherLabelsReplaceTheSavedHeadAndSaySo() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceClassifier.builder().encoder(TinyBert.checkpoint()).labels("neg", "pos").build(manager).save(dir);
            System.setErr(new java.io.PrintStream(captured, true));
            SequenceClassifier.builder().encoder(dir).labels("negative", "positive").build(manager);
        } finally {
            System.setErr(err);
        }
        String note = captured.toString();
        assertTrue(note.contains("[neg, pos]") && note.contains("[negative, positive]")
                && note.contains("replaced"), note);
    }

    private void writeDirectory(Map<String, FloatTensor> weights) throws IOException {
        Safetensors.write(dir.resolve("model.safetensors"), weights);
        Files.writeString(dir.resolve("config.json"), TinyBert.CONFIG.toJson().toString());
        Files.writeString(dir.resolve("tokenizer.json"), TinyBert.TOKENIZER_JSON);
    }
}
