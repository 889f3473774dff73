package dev.jft.data.prep;

import dev.jft.data.LoadReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DuplicatesTest {

    private final List<String> texts = List.of("Very disappointing.", "Very disappointing!!!", "Great", "Great",
            "ＧＲＥＡＴ", "Fine");

    @Test
    void exactAndNormalisedGroups() {
        Duplicates<String> exact = Duplicates.of(Function.identity());
        assertEquals(List.of(List.of("Great", "Great")), exact.groups(texts));
        assertEquals(List.of(List.of("Very disappointing.", "Very disappointing!!!"), List.of("Great", "Great", "ＧＲＥＡＴ")),
                exact.normalised().groups(texts));
    }

    @Test
    void removalKeepsFirstCopiesAndCountsTheRest() {
        LoadReport report = new LoadReport("t");
        List<String> unique = Duplicates.<String>of(s -> s).normalised().removeFrom(texts, report);
        assertEquals(List.of("Very disappointing.", "Great", "Fine"), unique);
        assertEquals(3, report.droppedCount("near duplicate"));
    }

    @Test
    void leaksAreTextsOfTheOtherSplitSeenInTraining() {
        List<Duplicates.Leak<String>> leaks = Duplicates.<String>of(s -> s).normalised()
                .leaks(List.of("Great", "Fine"), List.of("great!", "New"));
        assertEquals(List.of(new Duplicates.Leak<>("Great", "great!")), leaks);
    }

    @Test
    void leakageTableCountsRecordsSeenInTraining() {
        Split<String> split = new Split<>(List.of("Great", "Fine"), List.of("fine.", "New"), List.of("Other"));
        tech.tablesaw.api.Table table = Duplicates.<String>of(s -> s).normalised().leakage(split);
        assertEquals(List.of(2, 1), table.intColumn("records").asList());
        assertEquals(List.of(1, 0), table.intColumn("seen in train").asList());
    }
}
