package dev.jft.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.model.Gpt2Checkpoint;
import dev.jft.model.Gpt2Config;
import dev.jft.model.Gpt2Decoder;
import dev.jft.text.Gpt2Tokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.FineTuner;
import dev.jft.train.LrSchedule;
import dev.jft.train.TrainingHistory;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next-token batches, and a tiny GPT trained with the course's FineTuner on a repeated sentence. */
class CausalLmTrainingTest {

    @Test
    void packedWindowsAreShiftedByOne() {
        int[] stream = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        List<TokenBatch> batches = CausalLmBatches.packed(stream, 4, 2);
        assertEquals(1, batches.size()); // (11 - 1) / 4 = 2 windows: one batch of 2, the tail dropped
        TokenBatch first = batches.get(0);
        assertArrayEquals(new long[] {10, 11, 12, 13}, first.inputIds()[0]);
        assertArrayEquals(new int[] {11, 12, 13, 14}, first.tokenLabels()[0]);
        assertArrayEquals(new long[] {14, 15, 16, 17}, first.inputIds()[1]);
        assertArrayEquals(new int[] {15, 16, 17, 18}, first.tokenLabels()[1]);
        assertThrows(IllegalArgumentException.class, () -> CausalLmBatches.packed(new int[] {1, 2}, 4, 2));
    }

    @Test
    void paddingIsMaskedAndNotPredicted() {
        TokenBatch batch = CausalLmBatches.padded(List.of(new int[] {1, 2, 3, 4}, new int[] {7, 8}), 0);
        assertArrayEquals(new long[] {7, 8, 0, 0}, batch.inputIds()[1]);
        assertArrayEquals(new long[] {1, 1, 0, 0}, batch.attentionMask()[1]);
        int ignore = TokenBatch.IGNORE_LABEL;
        assertArrayEquals(new int[] {2, 3, 4, ignore}, batch.tokenLabels()[0]);
        assertArrayEquals(new int[] {8, ignore, ignore, ignore}, batch.tokenLabels()[1]);
        assertEquals(4, CausalLmBatches.labelledTokens(List.of(batch)));
        assertThrows(IllegalArgumentException.class, () -> CausalLmBatches.padded(List.of(new int[] {1}), 0));
    }

    @Test
    void documentsAreJoinedWithEndOfText() {
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.gpt2();
        int[] stream = CausalLmBatches.join(tokenizer, List.of("Hello world", " the"));
        assertArrayEquals(new int[] {15496, 995, 50256, 262, 50256}, stream);
    }

    /** A model that knows nothing (all weights 0: uniform logits) has the vocabulary size as perplexity. */
    @Test
    void uniformPredictionsHaveTheVocabularySizeAsPerplexity() {
        Gpt2Config config = new Gpt2Config(5000, 16, 8, 1, 2, 16, 1e-5, 0, 0, 0);
        java.util.Map<String, dev.jft.model.FloatTensor> zeros = new java.util.LinkedHashMap<>();
        Gpt2Checkpoint.random(config, 1, null).weights().forEach((name, t) ->
                zeros.put(name, new dev.jft.model.FloatTensor(t.shape(), new float[t.data().length])));
        List<TokenBatch> batches = CausalLmBatches.packed(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 4, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.pretrained(new Gpt2Checkpoint("zeros", config, zeros, null), manager);
            LmPerplexity.Result result = LmPerplexity.of(decoder, batches, manager);
            assertEquals(12, result.tokens());
            assertEquals(5000, result.perplexity(), 1e-2);
            assertEquals(Math.log(5000), result.meanNll(), 1e-5);
            // the trainer's validation copes with a vocabulary (no 5000 x 5000 confusion matrix)
            java.util.Map<String, Double> metrics = dev.jft.train.Evaluator.evaluate(decoder, batches, manager);
            assertEquals(java.util.Set.of("loss", "accuracy"), metrics.keySet());
            assertEquals(Math.log(5000), metrics.get("loss"), 1e-5);
        }
    }

    /**
     * The sentence's GPT-2 tokens renumbered 0..n-1 (a vocabulary of its own 20-odd tokens keeps the
     * test fast on a shared CPU; the 50,257-way head is the same code with a larger matrix).
     */
    @Test
    void aTinyGptLearnsARepeatedSentence() {
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.gpt2();
        String sentence = "It is a truth universally acknowledged, that a single man in possession of a good fortune,"
                + " must be in want of a wife.";
        java.util.Map<Integer, Integer> compact = new java.util.LinkedHashMap<>();
        int[] gpt2Stream = CausalLmBatches.join(tokenizer, Collections.nCopies(12, sentence));
        int[] stream = new int[gpt2Stream.length];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = compact.computeIfAbsent(gpt2Stream[i], id -> compact.size());
        }
        int[] back = compact.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<TokenBatch> train = CausalLmBatches.packed(stream, 24, 4);
        List<TokenBatch> heldOut = CausalLmBatches.packed(java.util.Arrays.copyOf(stream, 2 * stream.length / 12), 24, 4);
        Gpt2Config config = new Gpt2Config(compact.size(), 32, 32, 2, 2, 64, 1e-5, 0, 0, 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            Gpt2Decoder decoder = Gpt2Decoder.random(config, 42, manager);
            double before = LmPerplexity.of(decoder, heldOut, manager).perplexity();
            TrainingHistory history;
            try (FineTuner tuner = FineTuner.builder().model(decoder).trainData(train).epochs(25)
                    .learningRate(1e-2).warmupSteps(5).schedule(LrSchedule.Kind.COSINE).weightDecay(0.01)
                    .seed(7).device("cpu").progress(false).build()) {
                history = tuner.fit();
            }
            List<TrainingHistory.Epoch> epochs = history.epochs();
            double firstLoss = epochs.get(0).trainLoss();
            double lastLoss = epochs.get(epochs.size() - 1).trainLoss();
            LmPerplexity.Result after = LmPerplexity.of(decoder, heldOut, manager);
            System.out.printf("tiny GPT (%d-token vocabulary): train loss %.3f -> %.3f, perplexity %.1f -> %.2f%n",
                    compact.size(), firstLoss, lastLoss, before, after.perplexity());
            assertTrue(lastLoss < firstLoss / 4, "the loss falls: " + firstLoss + " -> " + lastLoss);
            assertTrue(after.perplexity() < 1.5, "the sentence is learned: perplexity " + after.perplexity());
            assertTrue(before > 10, "an untrained model is unsure: perplexity " + before);

            int[] prompt = java.util.Arrays.copyOf(stream, 5); // "It is a truth universally"
            Generation continued = new Generator(decoder).maxNewTokens(6).generate(prompt, manager);
            int[] gpt2Ids = java.util.Arrays.stream(continued.generated()).map(id -> back[id]).toArray();
            assertEquals(" acknowledged, that a single man", tokenizer.decode(gpt2Ids).substring(0, 32));
        }
    }
}
