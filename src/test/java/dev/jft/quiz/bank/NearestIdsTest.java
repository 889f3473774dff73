package dev.jft.quiz.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestIdsTest {

    @Test
    void distanceCountsEdits() {
        assertEquals(0, NearestIds.distance("abc", "abc"));
        assertEquals(1, NearestIds.distance("softmx", "softmax"));
        assertEquals(3, NearestIds.distance("kitten", "sitting"));
    }

    @Test
    void suggestsOnlyCloseIdsNearestFirst() {
        List<String> known = List.of("welcome-softmax", "welcome-accuracy", "welcome-q1");
        assertEquals(List.of("welcome-softmax"), NearestIds.to("Welcome-Softmx", known, 3));
        assertEquals(List.of(), NearestIds.to("tokenizer", known, 3));
    }
}
