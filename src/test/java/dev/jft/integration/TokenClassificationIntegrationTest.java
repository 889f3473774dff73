package dev.jft.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.data.BrownData;
import dev.jft.data.BrownDocument;
import dev.jft.data.TaggedToken;
import dev.jft.model.TokenClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.Evaluator;
import dev.jft.train.FineTuner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proper-noun tagging on real Brown news sentences with the real MiniLM encoder: the first
 * sub-word of each word carries the word's label, and a few training steps lower the loss.
 */
@Tag("integration")
class TokenClassificationIntegrationTest {

    private static final List<String> LABELS = List.of(TaggedToken.OTHER, TaggedToken.PROPN);

    @Test
    void aFewStepsOfProperNounTaggingLowerTheLoss() {
        List<List<TaggedToken>> sentences = newsSentences(32);
        List<List<String>> words = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (List<TaggedToken> sentence : sentences) {
            words.add(sentence.stream().map(TaggedToken::word).toList());
            labels.add(sentence.stream().mapToInt(t -> LABELS.indexOf(t.properNounLabel())).toArray());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenClassifier tagger = TokenClassifier.builder().encoder("all-MiniLM-L6-v2").labels(LABELS).seed(3)
                    .build(manager);
            List<TokenBatch> batches = new ArrayList<>();
            try (TextTokenizer tokenizer = tagger.tokenizer(64, Padding.DYNAMIC)) {
                for (int start = 0; start < words.size(); start += 16) {
                    batches.add(tokenizer.encodeWords(words.subList(start, start + 16), labels.subList(start, start + 16)));
                }
            }
            assertEquals(sentences.get(0).size(), labelledPositions(batches.get(0), 0), "one label per word");
            double before = Evaluator.evaluate(tagger, batches, manager).get("loss");
            try (FineTuner tuner = FineTuner.builder().model(tagger).trainData(batches).epochs(3).learningRate(1e-4)
                    .seed(3).progress(false).build()) {
                tuner.fit();
            }
            double after = Evaluator.evaluate(tagger, batches, manager).get("loss");
            System.out.printf("Proper-noun tagging loss on 32 Brown sentences: %.3f -> %.3f%n", before, after);
            assertTrue(after < 0.7 * before, "loss " + before + " -> " + after);
        }
    }

    /** The first {@code count} sentences of the news genre that hold a proper noun and fit in 40 words. */
    private static List<List<TaggedToken>> newsSentences(int count) {
        List<List<TaggedToken>> picked = new ArrayList<>();
        for (BrownDocument doc : BrownData.load().records()) {
            if (!doc.genre().equals("news")) {
                continue;
            }
            for (List<TaggedToken> sentence : doc.sentences()) {
                if (sentence.size() <= 40 && sentence.stream().anyMatch(TaggedToken::isProperNoun)) {
                    picked.add(sentence);
                    if (picked.size() == count) {
                        return picked;
                    }
                }
            }
        }
        throw new IllegalStateException("The Brown news genre has fewer than " + count + " usable sentences");
    }

    private static long labelledPositions(TokenBatch batch, int row) {
        return java.util.Arrays.stream(batch.tokenLabels()[row]).filter(l -> l != TokenBatch.IGNORE_LABEL).count();
    }
}
