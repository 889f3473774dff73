package dev.jft.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    @Test
    void unknownMagicListsTheKnownOnes() {
        Magics magics = new Magics().line("jars", args -> null).cell("loadFromPOM", (args, body) -> null);
        MagicException e = assertThrows(MagicException.class, () -> magics.runLine("jar", List.of()));
        assertEquals("Unknown line magic %jar. Line magics: %jars; cell magics: %%loadFromPOM.", e.getMessage());
    }

    @Test
    void jarsAddsEveryMatchingJarAndRejectsEmptyGlobs(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        List<String> added = new ArrayList<>();
        ClasspathMagics magics = new ClasspathMagics(added::add);
        magics.jars(List.of(dir + "/*.jar"));
        assertEquals(List.of(dir.resolve("a.jar").toString(), dir.resolve("b.jar").toString()), added);
        MagicException none = assertThrows(MagicException.class, () -> magics.jars(List.of(dir + "/*.zip")));
        assertTrue(none.getMessage().contains("matches no file"), none.getMessage());
    }

    @Test
    void classpathTakesSeparatorListsAndDirectories(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("deep/er"));
        Files.createFile(dir.resolve("deep/er/x.jar"));
        List<String> added = new ArrayList<>();
        new ClasspathMagics(added::add).classpath(List.of(classes + java.io.File.pathSeparator + dir + "/**.jar"));
        assertEquals(List.of(classes.toString(), dir.resolve("deep/er/x.jar").toString()), added);
    }

    @Test
    void mavenCoordinatesBecomeDependencies() throws Exception {
        assertEquals("  <dependency><groupId>g</groupId><artifactId>a</artifactId><version>1.0</version></dependency>\n",
                MavenResolver.dependencyXml("g:a:1.0"));
        assertTrue(MavenResolver.dependencyXml("g:a:jar:linux:2").contains("<classifier>linux</classifier>"));
        MagicException bad = assertThrows(MagicException.class, () -> MavenResolver.dependencyXml("just-a-name"));
        assertTrue(bad.getMessage().contains("group:artifact:version"));
    }

    @Test
    void missingMavenIsAClearError() {
        MavenResolver resolver = new MavenResolver("no-such-mvn-command");
        MagicException e = assertThrows(MagicException.class, () -> resolver.resolveCoordinates(List.of("g:a:1")));
        assertTrue(e.getMessage().contains("no 'no-such-mvn-command' was found on PATH"), e.getMessage());
    }

    @Test
    void pomFragmentsMustHoldDependencies() {
        MagicException e = assertThrows(MagicException.class, () -> new MavenResolver().resolvePomText("hello"));
        assertTrue(e.getMessage().contains("<dependencies>"));
    }
}
