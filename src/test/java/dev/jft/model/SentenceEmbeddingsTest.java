package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbeddingsTest {

    private static final String SHORT = "A great film.";
    private static final String LONG = "The plot wandered for two hours, the actors looked bored and the ending made"
            + " no sense at all, so I would not recommend this to anyone.";

    private static SentenceEmbeddings mean;

    @BeforeAll
    static void load() {
        mean = SentenceEmbeddings.builder().encoder("all-MiniLM-L6-v2").pooling(Pooling.MEAN).batchSize(4).build();
    }

    @AfterAll
    static void close() {
        mean.close();
    }

    @Test
    void maskedMeanIgnoresPadding() {
        float[] alone = mean.embed(SHORT);
        float[][] padded = mean.embed(List.of(LONG, SHORT)); // SHORT padded to LONG's length
        assertEquals(384, alone.length);
        assertEquals(mean.dimension(), alone.length);
        assertArrayEquals(alone, padded[1], 1e-5f);
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = mean.embed(List.of("A great film, I loved it.", "A wonderful movie that I enjoyed.",
                "The train to the airport leaves every ten minutes."));
        double similar = SentenceEmbeddings.cosine(v[0], v[1]);
        double unrelated = SentenceEmbeddings.cosine(v[0], v[2]);
        assertTrue(similar > unrelated + 0.3, "similar " + similar + ", unrelated " + unrelated);
    }

    @Test
    void batchesKeepTheOrderAndWorkFromAnotherThread() throws Exception {
        List<String> texts = List.of("one", "two words", SHORT, LONG, "five", "six six");
        float[][] here = mean.embed(texts); // batches of 4 and 2
        assertEquals(6, here.length);
        for (int i = 0; i < texts.size(); i++) { // sorted by length inside, returned in this order
            assertArrayEquals(mean.embed(texts.get(i)), here[i], 1e-5f, texts.get(i));
        }
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> mean.embed(List.of("fine", " ")));
        assertTrue(blank.getMessage().contains("Row 1"), blank.getMessage());
        AtomicReference<Object> there = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                there.set(mean.embed(texts));
            } catch (Throwable t) {
                there.set(t);
            }
        });
        thread.start();
        thread.join();
        if (there.get() instanceof Throwable t) {
            throw new AssertionError("embed failed on a new thread", t);
        }
        float[][] other = (float[][]) there.get();
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(here[i], other[i], 1e-5f);
        }
    }

    @Test
    void clsPoolingIsTheFirstTokenAndDiffersFromMean() {
        try (SentenceEmbeddings cls = SentenceEmbeddings.builder().encoder("all-MiniLM-L6-v2")
                .pooling(Pooling.CLS).build()) {
            float[] first = cls.embed(SHORT);
            assertArrayEquals(first, cls.embed(List.of(LONG, SHORT))[1], 1e-5f);
            assertTrue(SentenceEmbeddings.cosine(first, mean.embed(SHORT)) < 0.999);
            cls.close();
            assertThrows(IllegalStateException.class, () -> cls.embed(SHORT));
        }
    }

    @Test
    void poolingMustBeChosenAndPoolerIsRefused() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> SentenceEmbeddings.builder().encoder("all-MiniLM-L6-v2").build());
        assertTrue(none.getMessage().contains("Pooling.MEAN"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SentenceEmbeddings.builder().pooling(Pooling.POOLER));
        assertThrows(IllegalStateException.class, () -> SentenceEmbeddings.builder().pooling(Pooling.MEAN).build());
    }

    @Test
    void cosineEdgeCases() {
        assertEquals(1.0, SentenceEmbeddings.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-12);
        assertEquals(-1.0, SentenceEmbeddings.cosine(new float[] {1, 0}, new float[] {-3, 0}), 1e-12);
        assertEquals(0.0, SentenceEmbeddings.cosine(new float[] {1, 0}, new float[] {0, 5}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SentenceEmbeddings.cosine(new float[2], new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SentenceEmbeddings.cosine(new float[2], new float[3]));
    }
}
