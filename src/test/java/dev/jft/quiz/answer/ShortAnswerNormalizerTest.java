package dev.jft.quiz.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShortAnswerNormalizerTest {

    @Test
    void ignoresCaseSpacingPunctuationAndLeadingArticles() {
        assertEquals("fine tuning", ShortAnswerNormalizer.normalize("  The  Fine-Tuning. "));
        assertTrue(ShortAnswerNormalizer.matches("TEST  SET!", "test set"));
        assertTrue(ShortAnswerNormalizer.matches("finetuning", "fine-tuning"));
        assertTrue(ShortAnswerNormalizer.matches("an embedding", "embedding"));
    }

    @Test
    void differentWordsStillDiffer() {
        assertFalse(ShortAnswerNormalizer.matches("validation set", "test set"));
        assertFalse(ShortAnswerNormalizer.matches("the", "theory"));
    }
}
