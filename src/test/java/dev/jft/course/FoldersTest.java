package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @Test
    void deletesAFolderWithNestedContents(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("a/b/c"));
        Files.writeString(dir.resolve("file.txt"), "x");
        Files.writeString(temp.resolve("a/top.txt"), "y");
        Folders.delete(temp.resolve("a"));
        assertFalse(Files.exists(temp.resolve("a")));
    }

    @Test
    void nullAndMissingFoldersAreNoOps(@TempDir Path temp) throws Exception {
        Folders.delete(null);
        Folders.delete(temp.resolve("never-created"));
    }
}
