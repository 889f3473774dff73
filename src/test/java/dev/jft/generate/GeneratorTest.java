package dev.jft.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.model.Gpt2Decoder;
import dev.jft.model.TinyGpt2;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    private static NDManager manager;
    private static Gpt2Decoder decoder;
    private static final int[] PROMPT = {5, 17, 3};

    @BeforeAll
    static void model() {
        manager = NDManager.newBaseManager();
        decoder = Gpt2Decoder.pretrained(TinyGpt2.checkpoint(21), manager);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void cachedAndUncachedGreedyGiveTheSameTokens() {
        Generator greedy = new Generator(decoder).maxNewTokens(25);
        Generation cached = greedy.generate(PROMPT, manager);
        Generation uncached = greedy.cache(false).generate(PROMPT, manager);
        assertEquals(25, cached.generated().length);
        assertArrayEquals(cached.generated(), uncached.generated());
        assertEquals(Generation.Stop.MAX_TOKENS, cached.stop());
        assertArrayEquals(PROMPT, cached.prompt());
        assertTrue(cached.tokensPerSecond() > 0);
    }

    @Test
    void cachedAndUncachedSamplingAgreeToo() {
        Generator sampler = new Generator(decoder).decoding(Decoding.sample(1.0).withTopK(20)).maxNewTokens(20).seed(3);
        assertArrayEquals(sampler.generate(PROMPT, manager).generated(),
                sampler.cache(false).generate(PROMPT, manager).generated());
    }

    @Test
    void theSeedFixesTheSample() {
        Generator sampler = new Generator(decoder).decoding(Decoding.sample(1.5)).maxNewTokens(20);
        int[] a = sampler.seed(1).generate(PROMPT, manager).generated();
        int[] b = sampler.seed(1).generate(PROMPT, manager).generated();
        int[] c = sampler.seed(2).generate(PROMPT, manager).generated();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed, another sample");
    }

    @Test
    void theStopTokenEndsGeneration() {
        int[] greedy = new Generator(decoder).maxNewTokens(10).generate(PROMPT, manager).generated();
        int stop = greedy[4];
        int first = 0;
        while (greedy[first] != stop) {
            first++;
        }
        Generation stopped = new Generator(decoder).maxNewTokens(10).stopToken(stop).generate(PROMPT, manager);
        assertEquals(Generation.Stop.STOP_TOKEN, stopped.stop());
        assertArrayEquals(Arrays.copyOf(greedy, first + 1), stopped.generated());
    }

    @Test
    void promptsMustFitThePositionTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Generator(decoder).maxNewTokens(31).generate(PROMPT, manager));
        assertTrue(e.getMessage().contains("32 (n_positions)") && e.getMessage().contains("at most 30"), e.getMessage());
        assertEquals(30, new Generator(decoder).maxNewTokens(30).generate(PROMPT, manager).generated().length);
        assertThrows(IllegalArgumentException.class, () -> new Generator(decoder).generate(new int[0], manager));
    }
}
