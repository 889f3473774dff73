package dev.jft.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SotuDataTest {

    @Test
    void loadsAddressesSortedByYearThenPresident() {
        LoadResult<Address> sotu = SotuData.load(Fixtures.path("sotu"));
        assertEquals(List.of("George Washington", "Dwight D. Eisenhower", "John F. Kennedy"),
                sotu.records().stream().map(Address::president).toList());
        assertEquals(1961, sotu.records().get(2).year());
        assertEquals("Democratic", sotu.records().get(2).party());
        assertEquals(List.of(8, 7, 5), sotu.table().intColumn("words").asList());
    }

    @Test
    void missingFieldIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1800_x.json"), "{\"year\":1800,\"name\":\"X\",\"text\":\"t\"}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SotuData.load(dir));
        assertTrue(e.getMessage().contains("\"party\""), e.getMessage());
    }
}
