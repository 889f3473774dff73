package dev.jft.quiz.exercises.preparing;

import static dev.jft.quiz.exercises.preparing.CleanTextTest.assertCleaned;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise preparing-clean-text: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CleanTextHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("tabs, line breaks and runs of spaces")
    void whiteSpace() {
        assertCleaned("one two three four", "\tone\t\ttwo\n\nthree \r\n  four \n");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("all four rules in one text")
    void together() {
        assertCleaned("Wooow!!! See [URL] NOW", "<p>Woooooow!!!!</p>See https://shop.example/deal?id=1111111\nNOW");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("'<' that opens no tag is text")
    void notATag() {
        assertCleaned("I <3 it, 3 < 5 and 7 > 2", "I <3 it, 3 < 5 and 7 > 2");
        assertCleaned("a b c", "a<!-- note -->b</div>c");
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("three equal characters stay, four become three")
    void exactlyThree() {
        assertCleaned("Hmmm... zzz, Hmmm...", "Hmmm... zzz, Hmmmm....");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("two addresses, one at the very end")
    void twoUrls() {
        assertCleaned("[URL] or [URL]", "http://a.example/x or https://b.example");
        assertCleaned("", "   \n ");
    }
}
