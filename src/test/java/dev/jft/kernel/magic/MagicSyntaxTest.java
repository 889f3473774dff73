package dev.jft.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicSyntaxTest {

    @Test
    void lineMagicsSplitTheCellInOrder() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("int a = 1;\n%jars lib/*.jar \"my dir/x.jar\"\nnew Foo()");
        assertEquals(3, parts.size());
        assertEquals(MagicSyntax.Kind.CODE, parts.get(0).kind());
        assertEquals(new MagicSyntax.Part(MagicSyntax.Kind.LINE_MAGIC, "jars", List.of("lib/*.jar", "my dir/x.jar"), "", 1),
                parts.get(1));
        assertEquals("new Foo()\n", parts.get(2).body());
        assertEquals(2, parts.get(2).line(), "code after the magic starts on the cell's third line");
    }

    @Test
    void eachPartKnowsTheCellLineItStartsOn() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("%jars a.jar\n\n%classpath b\n\nint x = 1;\n%jars c.jar");
        assertEquals(List.of(0, 2, 3, 5), parts.stream().map(MagicSyntax.Part::line).toList());
        assertEquals(2, MagicSyntax.parse("\n\n%%loadFromPOM\n<dependency/>").get(0).line());
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("\n%%loadFromPOM\n<dependency>\n</dependency>");
        assertEquals(1, parts.size());
        assertEquals("loadFromPOM", parts.get(0).name());
        assertEquals("<dependency>\n</dependency>", parts.get(0).body());
    }

    @Test
    void moduloIsNotAMagic() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("int r = 7\n  % 3;");
        assertEquals(1, parts.size());
        assertEquals(MagicSyntax.Kind.CODE, parts.get(0).kind());
    }

    @Test
    void maskingKeepsJavaAtItsOffsets() {
        String cell = "%jars a.jar\nString s;";
        String masked = MagicSyntax.maskMagics(cell);
        assertEquals(cell.length(), masked.length());
        assertEquals("           \nString s;", masked);
        assertEquals("    ", MagicSyntax.maskMagics("%%x\n"));
    }

    @Test
    void argumentsFollowShellQuoting() {
        assertEquals(List.of("a b", "c", "d'e"), MagicSyntax.splitArgs("'a b'  c \"d'e\""));
        assertThrows(IllegalArgumentException.class, () -> MagicSyntax.splitArgs("\"open"));
    }
}
