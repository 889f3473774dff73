package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records through {@link Json#builder()}: what older gson versions cannot do by themselves. */
class JsonTest {

    record Point(int x, int y) {}

    record Walk(String name, List<Point> points, Map<String, Double> scores) {}

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, got " + value);
            }
        }
    }

    record Pair<A, B>(A first, B second) {}

    record Best(String name, Pair<Point, List<Integer>> best, Pair<String, Integer>[] history) {}

    private final Gson gson = Json.builder().create();

    @Test
    void aGenericRecordReadsItsComponentsAsTheTypeArgumentsSay() {
        Pair<Point, List<Integer>> pair = new Pair<>(new Point(1, 2), List.of(3, 4));
        String json = gson.toJson(pair, new TypeToken<Pair<Point, List<Integer>>>() {}.getType());
        assertEquals("{\"first\":{\"x\":1,\"y\":2},\"second\":[3,4]}", json);
        Pair<Point, List<Integer>> back = gson.fromJson(json, new TypeToken<Pair<Point, List<Integer>>>() {}.getType());
        assertEquals(pair, back, "a Point and Integers, not a map and doubles");
        assertEquals(Point.class, back.first().getClass());
        assertEquals(Integer.class, back.second().get(0).getClass());
    }

    @SuppressWarnings("unchecked")
    @Test
    void aGenericRecordInsideAnotherRecordIsResolvedFromTheComponentsType() {
        Best best = new Best("run", new Pair<>(new Point(5, 6), List.of(7)),
                new Pair[] {new Pair<>("epoch 1", 80), new Pair<>("epoch 2", 90)});
        Best back = gson.fromJson(gson.toJson(best), Best.class);
        assertEquals(new Point(5, 6), back.best().first());
        assertEquals(List.of(7), back.best().second());
        assertEquals(new Pair<>("epoch 2", 90), back.history()[1]);
        assertEquals(Integer.class, back.history()[1].second().getClass());
    }

    @Test
    void aNestedRecordRoundTrips() {
        Walk walk = new Walk("walk", List.of(new Point(1, 2), new Point(3, 4)), Map.of("length", 2.5));
        String json = gson.toJson(walk);
        assertEquals("{\"name\":\"walk\",\"points\":[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}],\"scores\":{\"length\":2.5}}", json);
        assertEquals(walk, gson.fromJson(json, Walk.class));
    }

    @Test
    void missingComponentsGetTheirDefaultAndUnknownNamesAreSkipped() {
        assertEquals(new Point(0, 7), gson.fromJson("{\"y\":7,\"z\":{\"deep\":[1]}}", Point.class));
        Walk empty = gson.fromJson("{}", Walk.class);
        assertNull(empty.name());
        assertNull(empty.points());
    }

    @Test
    void theCanonicalConstructorsCheckNamesWhatIsWrong() {
        JsonParseException error = assertThrows(JsonParseException.class, () -> gson.fromJson("{\"value\":-1}", Positive.class));
        assertTrue(error.getMessage().contains("value must be positive, got -1"), error.getMessage());
    }
}
