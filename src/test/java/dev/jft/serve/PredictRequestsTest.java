package dev.jft.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictRequestsTest {

    private static final RequestLimits LIMITS = new RequestLimits(200, 3, 10);

    private static void refused(String body, int status, String phrase) {
        Validation v = PredictRequests.validate(body, LIMITS);
        assertEquals(status, v.status(), () -> body + " -> " + v);
        assertTrue(v.message().contains(phrase), () -> body + " -> " + v.message());
        assertTrue(v.texts().isEmpty());
    }

    @Test
    void validRequestGivesItsTexts() {
        Validation v = PredictRequests.validate("{\"texts\": [\"good\", \"bad film\", \"é ☃\"]}", LIMITS);
        assertTrue(v.ok());
        assertEquals(List.of("good", "bad film", "é ☃"), v.texts());
        assertEquals(200, v.status());
    }

    @Test
    void everyBadInputIsNamed() {
        refused(null, 400, "body is empty");
        refused("  ", 400, "body is empty");
        refused("hello", 400, "not valid JSON");
        refused("{'texts': ['a']}", 400, "not valid JSON");
        refused("{\"texts\": [\"a\"]", 400, "not valid JSON (stopped at line 1 column");
        refused("{\"texts\": [\"a\"]} extra", 400, "not valid JSON");
        refused("[\"a\"]", 400, "must be a JSON object");
        refused("null", 400, "got null");
        refused("{}", 400, "no field texts");
        refused("{\"text\": [\"a\"]}", 400, "Unknown field \"text\"");
        refused("{\"texts\": 5}", 400, "texts must be an array of strings, got the number 5");
        refused("{\"texts\": \"a\"}", 400, "got the string \"a\"");
        refused("{\"texts\": []}", 400, "texts is empty");
        refused("{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}", 400, "at most 3 per request");
        refused("{\"texts\": [\"a\", 7]}", 400, "texts[1] must be a string, got the number 7");
        refused("{\"texts\": [\"a\", null]}", 400, "texts[1] must be a string, got null");
        refused("{\"texts\": [\"a\", \" \"]}", 400, "texts[1] is empty");
        refused("{\"texts\": [\"12345678901\"]}", 400, "texts[0] has 11 characters; the limit is 10");
        refused("{\"texts\": [\"" + "a".repeat(300) + "\"]}", 413, "the limit is 200");
    }

    @Test
    void charactersAreCodePoints() {
        String tenEmoji = "😀".repeat(10);   // 20 UTF-16 units, 10 characters
        assertTrue(PredictRequests.validate("{\"texts\": [\"" + tenEmoji + "\"]}", LIMITS).ok());
    }
}
