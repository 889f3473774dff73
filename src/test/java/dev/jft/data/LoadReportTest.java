package dev.jft.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadReportTest {

    @Test
    void countsKeptDroppedAndNotesAndMerges() {
        LoadReport a = new LoadReport("a");
        a.kept();
        a.dropped("empty text", "x.json entry 3");
        a.note("charset repaired");
        LoadReport b = new LoadReport("b");
        b.kept();
        b.dropped("empty text", "y.json entry 9");
        b.dropped("duplicate", "\"hi\" = \"hi\"");
        a.add(b);

        assertEquals(2, a.keptCount());
        assertEquals(3, a.droppedCount());
        assertEquals(List.of("x.json entry 3", "y.json entry 9"), a.examples("empty text"));
        assertEquals("a: kept 2, dropped 3\n  empty text: 2 (e.g. x.json entry 3; y.json entry 9)\n"
                + "  duplicate: 1 (e.g. \"hi\" = \"hi\")\n  kept, note: charset repaired: 1", a.toString());
    }

    @Test
    void tableAndMimeBundleForNotebooks() {
        LoadReport r = new LoadReport("s");
        r.kept();
        r.dropped("empty text", "line 4");
        Table t = r.table();
        assertEquals(List.of("kept", "dropped: empty text"), t.stringColumn("outcome").asList());
        assertEquals(List.of(1, 1), t.intColumn("count").asList());
        assertTrue(r.mimeBundle().get("text/html").contains("line 4"));
        assertEquals(r.toString(), r.mimeBundle().get("text/plain"));
    }
}
