package dev.jft.quiz.exercises.deployment;

import static dev.jft.quiz.exercises.deployment.RequestValidationTest.LIMITS;
import static dev.jft.quiz.exercises.deployment.RequestValidationTest.accepted;
import static dev.jft.quiz.exercises.deployment.RequestValidationTest.refused;

import dev.jft.quiz.check.Hidden;
import dev.jft.quiz.check.Points;
import dev.jft.serve.RequestLimits;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Hidden tests of exercise deployment-validate-request: counted, never shown. */
@Hidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RequestValidationHiddenTest {

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("an empty or missing body gets 400")
    void emptyBody() {
        refused("", LIMITS, 400, "check for a blank body first");
        refused("   ", LIMITS, 400, "check for a blank body first");
        refused(null, LIMITS, 400, "check for a null body first");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("a body over maxBodyBytes gets 413, counted in UTF-8 bytes")
    void bodyTooLarge() {
        RequestLimits small = new RequestLimits(100, 3, 200);
        refused("{\"texts\": [\"" + "a".repeat(120) + "\"]}", small, 413, "compare the body's bytes");
        refused("{\"texts\": [\"" + "é".repeat(50) + "\"]}", small, 413, "count UTF-8 bytes, not characters");
        accepted("{\"texts\": [\"" + "a".repeat(80) + "\"]}", small, List.of("a".repeat(80)));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a JSON value that is not an object, or an object without texts, gets 400")
    void notAnObject() {
        refused("[\"a\"]", LIMITS, 400, "an object");
        refused("42", LIMITS, 400, "an object");
        refused("{\"reviews\": [\"a\"]}", LIMITS, 400, "texts");
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("an element that is not a string gets 400")
    void elementNotString() {
        refused("{\"texts\": [\"a\", 7]}", LIMITS, 400, "strings");
        refused("{\"texts\": [\"a\", null]}", LIMITS, 400, "strings");
        refused("{\"texts\": [[\"a\"]]}", LIMITS, 400, "strings");
        refused("{\"texts\": [{\"text\": \"a\"}]}", LIMITS, 400, "strings");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("a blank text gets 400")
    void blankText() {
        refused("{\"texts\": [\"a\", \"\"]}", LIMITS, 400, "blank");
        refused("{\"texts\": [\" \\t \"]}", LIMITS, 400, "blank");
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("a text over maxTextChars characters gets 400; characters are code points")
    void textTooLong() {
        refused("{\"texts\": [\"" + "x".repeat(21) + "\"]}", LIMITS, 400, "length");
        accepted("{\"texts\": [\"" + "x".repeat(20) + "\"]}", LIMITS, List.of("x".repeat(20)));
        accepted("{\"texts\": [\"" + "😀".repeat(20) + "\"]}", LIMITS, List.of("😀".repeat(20)));
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("the limits given are the ones applied")
    void otherLimits() {
        RequestLimits one = new RequestLimits(5_000, 1, 1_000);
        refused("{\"texts\": [\"a\", \"b\"]}", one, 400, "maxTexts");
        accepted("{\"texts\": [\"" + "y".repeat(900) + "\"]}", one, List.of("y".repeat(900)));
    }
}
