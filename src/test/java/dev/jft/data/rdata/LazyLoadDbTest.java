package dev.jft.data.rdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyLoadDbTest {

    @Test
    void readsCharacterVectorsByName(@TempDir Path dir) throws IOException {
        Map<String, String[]> objects = new LinkedHashMap<>();
        objects.put("emma", new String[] {"EMMA", "", "By Jane Austen", "Emma Woodhouse, handsome, clever, and rich"});
        objects.put("persuasion", new String[] {"Persuasion", null, "Café"});
        RFixtureWriter.write(dir.resolve("Rdata"), objects);

        LazyLoadDb db = LazyLoadDb.open(dir.resolve("Rdata"));

        assertEquals(List.of("emma", "persuasion"), List.copyOf(db.names()));
        assertArrayEquals(objects.get("emma"), db.get("emma").strings());
        assertArrayEquals(new String[] {"Persuasion", null, "Café"}, db.get("persuasion").strings(), "NA is null");
    }

    @Test
    void unknownObjectListsTheNames(@TempDir Path dir) throws IOException {
        RFixtureWriter.write(dir.resolve("Rdata"), Map.of("emma", new String[] {"x"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LazyLoadDb.open(dir.resolve("Rdata")).get("dracula"));
        assertTrue(e.getMessage().contains("[emma]"), e.getMessage());
    }

    @Test
    void rejectsNonXdrStreams() {
        IOException e = assertThrows(IOException.class,
                () -> RSerialReader.read(new ByteArrayInputStream("RDA2\n".getBytes())));
        assertTrue(e.getMessage().contains("Not R XDR"), e.getMessage());
    }
}
