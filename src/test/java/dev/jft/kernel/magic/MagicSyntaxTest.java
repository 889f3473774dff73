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
        assertEquals(new MagicSyntax.Part(MagicSyntax.Kind.LINE_MAGIC, "jars", List.of("lib/*.jar", "my dir/x.jar"), ""),
                parts.get(1));
        assertEquals("new Foo()\n", parts.get(2).body());
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
