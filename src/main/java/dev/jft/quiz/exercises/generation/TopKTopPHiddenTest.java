package dev.jft.quiz.exercises.generation;

import static dev.jft.quiz.exercises.generation.TopKTopPTest.assertFiltered;

import dev.jft.generate.LogitsFilters;
import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of exercise generation-top-k-top-p: counted, never shown. Each compares the
 * submission with the course's sampler ({@link LogitsFilters}: top-k, then top-p).
 */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TopKTopPHiddenTest {

    private static void matchesTheSampler(float[] logits, int k, double p) {
        assertFiltered(LogitsFilters.topP(LogitsFilters.topK(logits, k), p), logits, k, p);
    }

    private static float[] random(int n, long seed, double scale) {
        Random random = new Random(seed);
        float[] logits = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = (float) (random.nextGaussian() * scale);
        }
        return logits;
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("random logits of a 1,000-token vocabulary, several k and p")
    void randomVocabulary() {
        for (long seed = 1; seed <= 5; seed++) {
            float[] logits = random(1000, seed, 3);
            for (int k : new int[] {0, 1, 10, 40, 999, 1000, 5000}) {
                for (double p : new double[] {0.05, 0.5, 0.9, 0.95, 1.0}) {
                    matchesTheSampler(logits, k, p);
                }
            }
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("ties at the k-th largest logit are all kept")
    void tiesAtK() {
        matchesTheSampler(new float[] {3f, 1f, 1f, 1f, 0f}, 2, 1.0);
        matchesTheSampler(new float[] {2f, 2f, 2f}, 1, 1.0);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("one token, a tiny p, and a distribution with one dominant token")
    void edges() {
        matchesTheSampler(new float[] {0.7f}, 1, 0.5);
        matchesTheSampler(new float[] {0.7f}, 0, 1.0);
        matchesTheSampler(random(50, 9, 1), 0, 1e-9);
        matchesTheSampler(new float[] {20f, 0f, 0f, 0f}, 0, 0.99);
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("very large and very negative logits do not overflow")
    void extremeLogits() {
        matchesTheSampler(new float[] {1000f, 999f, 998f, -1000f}, 0, 0.9);
        matchesTheSampler(new float[] {-500f, -501f, -502f}, 2, 0.7);
    }
}
