package dev.jft.quiz.exercises.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jft.quiz.check.Points;
import dev.jft.quiz.check.Submission;
import dev.jft.serve.RequestLimits;
import dev.jft.serve.Validation;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Visible tests of exercise deployment-validate-request: their messages are hints for the learner. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RequestValidationTest {

    static final RequestLimits LIMITS = new RequestLimits(1_000, 3, 20);

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("a valid request gives its texts, in order")
    void valid() {
        accepted("{\"texts\": [\"a great film\", \"dull\"]}", LIMITS, List.of("a great film", "dull"));
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("a body that is not JSON gets 400")
    void notJson() {
        refused("this is not json {", LIMITS, 400, "catch the JsonParseException that Json.parse throws");
        refused("{\"texts\": [\"a\"", LIMITS, 400, "catch the JsonParseException that Json.parse throws");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("texts of the wrong type gets 400")
    void wrongType() {
        refused("{\"texts\": 5}", LIMITS, 400, "texts must be a JSON array (isJsonArray())");
        refused("{\"texts\": \"a review\"}", LIMITS, 400, "texts must be a JSON array, not one string");
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("an empty list gets 400")
    void emptyList() {
        refused("{\"texts\": []}", LIMITS, 400, "an empty array has nothing to classify");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("more than maxTexts texts gets 400, exactly maxTexts is fine")
    void tooMany() {
        refused("{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}", LIMITS, 400, "compare the size with limits.maxTexts()");
        accepted("{\"texts\": [\"a\", \"b\", \"c\"]}", LIMITS, List.of("a", "b", "c"));
    }

    @SuppressWarnings("unchecked")
    static Validation run(String body, RequestLimits limits) {
        BiFunction<String, RequestLimits, Validation> validate = Submission.get(BiFunction.class);
        Validation v = validate.apply(body, limits);
        if (v == null) {
            fail("validate returned null for " + shown(body) + ": return Validation.accept(texts) or"
                    + " Validation.refuse(status, message)");
        }
        return v;
    }

    static void accepted(String body, RequestLimits limits, List<String> texts) {
        Validation v = run(body, limits);
        if (!v.ok()) {
            fail(shown(body) + " with " + limits + " is valid, but was refused with " + v.status() + " \""
                    + v.message() + "\"");
        }
        if (!v.texts().equals(texts)) {
            fail(shown(body) + " should give the texts " + texts + ", got " + v.texts());
        }
    }

    static void refused(String body, RequestLimits limits, int status, String hint) {
        Validation v = run(body, limits);
        if (v.status() != status) {
            fail(shown(body) + " with " + limits + " should be refused with " + status + ", got "
                    + (v.ok() ? "accepted (200) with texts " + v.texts() : v.status() + " \"" + v.message() + "\"")
                    + ": " + hint);
        }
    }

    static String shown(String body) {
        if (body == null) {
            return "a missing body (null)";
        }
        return body.length() > 60 ? "the body " + body.substring(0, 50) + "... (" + body.length() + " characters)"
                : "the body " + body;
    }
}
