package dev.jft.data;

import dev.jft.data.rdata.RFixtureWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AustenDataTest {

    private static void writeNovels(Path dir, Map<String, String[]> objects) throws IOException {
        RFixtureWriter.write(dir.resolve("Rdata"), objects);
    }

    @Test
    void loadsTheSixNovelsInPublicationOrder(@TempDir Path dir) throws IOException {
        Map<String, String[]> objects = new LinkedHashMap<>();
        for (String name : List.of("emma", "mansfieldpark", "northangerabbey", "persuasion", "prideprejudice",
                "sensesensibility")) {
            objects.put(name, new String[] {name.toUpperCase(), "", "First line of " + name + ".", "Second line."});
        }
        writeNovels(dir, objects);

        LoadResult<Novel> novels = AustenData.load(dir);

        assertEquals(List.of("Sense & Sensibility", "Pride & Prejudice", "Mansfield Park", "Emma", "Northanger Abbey",
                "Persuasion"), novels.records().stream().map(Novel::title).toList());
        Novel emma = novels.records().get(3);
        assertEquals(List.of("EMMA", "First line of emma. Second line."), emma.paragraphs());
        assertEquals(24, AustenData.lineTable(novels.records()).rowCount());
        assertEquals(6, novels.report().keptCount());
    }

    @Test
    void missingNovelIsAnError(@TempDir Path dir) throws IOException {
        writeNovels(dir, Map.of("emma", new String[] {"EMMA"}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> AustenData.load(dir));
        assertTrue(e.getMessage().contains("sensesensibility"), e.getMessage());
    }

    @Test
    void missingIndexIsNamed(@TempDir Path dir) throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class, () -> AustenData.load(dir));
        assertTrue(e.getMessage().contains("Rdata.rdx"), e.getMessage());
    }
}
