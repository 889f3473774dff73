package dev.jft.quiz.exercises.preparing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise preparing-clean-text: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CleanTextTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("an HTML tag becomes a space")
    void tags() {
        assertCleaned("great film loved it", "great film<br /><br />loved it");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("a web address becomes [URL]")
    void urls() {
        assertCleaned("see [URL] for more", "see http://example.com/a?b=1 for more");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a run of more than three equal characters is cut to three")
    void repeats() {
        assertCleaned("sooo good!!!", "soooooo good!!!!!!");
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("case, punctuation, emoticons and negations are kept")
    void keeps() {
        assertCleaned("NOT good :( , don't buy it!", "  NOT good :( , don't buy it!  ");
    }

    /** Runs the submission on {@code input} and explains the usual mistakes when the result is off. */
    static void assertCleaned(String expected, String input) {
        @SuppressWarnings("unchecked")
        UnaryOperator<String> clean = Submission.get(UnaryOperator.class);
        String actual = clean.apply(input);
        if (expected.equals(actual)) {
            return;
        }
        String hint;
        if (actual == null) {
            hint = "return the cleaned text, not null";
        } else if (actual.equals(expected.toLowerCase(Locale.ROOT)) && !actual.equals(expected)) {
            hint = "keep the case: an uncased model's tokenizer lower-cases by itself, and a cased model reads"
                    + " 'NOT' and 'GREAT' as signal";
        } else if (actual.replaceAll("[\\p{Punct}]", "").equals(actual) && !expected.replaceAll("[\\p{Punct}]", "")
                .equals(expected)) {
            hint = "keep punctuation: ':(', '!' and \"don't\" carry sentiment; only the four rules change the text";
        } else if (actual.contains("<") && !expected.contains("<")) {
            hint = "rule 1: replace every tag, from '<' followed by a letter, '/' or '!' up to the next '>', by a space";
        } else if (actual.contains("http") && !expected.contains("http")) {
            hint = "rule 2: replace http:// or https:// and everything up to the next white space by [URL]";
        } else if (actual.matches("(?s).*(.)\\1\\1\\1.*")) {
            hint = "rule 3: cut every run of four or more equal characters to three (a backreference such as"
                    + " (.)\\\\1{3,} finds them)";
        } else if (!actual.equals(actual.strip()) || actual.matches("(?s).*\\s\\s.*") || actual.matches("(?s).*[\\t\\n\\r].*")) {
            hint = "rule 4: replace every run of white space by one space, and strip both ends";
        } else {
            hint = "apply the four rules in order: tags, web addresses, long runs, white space; change nothing else";
        }
        fail("clean(\"" + visible(input) + "\") should give \"" + visible(expected) + "\" but gave "
                + (actual == null ? "null" : "\"" + visible(actual) + "\"") + ": " + hint);
    }

    /** Line breaks and tabs written as \n and \t, so the message shows them. */
    static String visible(String text) {
        return text.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
