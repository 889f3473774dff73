package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YourWorkTest {

    @TempDir
    Path dir;

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void packsTheNotebooksAndTheGradebookAsTheyAreOnDisk() throws IOException {
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Files.writeString(notebooks.resolve("01-b.ipynb"), "{\"cells\": [1]}");
        Files.writeString(notebooks.resolve("00-a.ipynb"), "{\"cells\": []}");
        Files.writeString(notebooks.resolve("notes.txt"), "not a notebook");
        Path gradebook = Files.writeString(dir.resolve("gradebook.jsonl"), "{\"item\":\"welcome-q1\"}\n");

        YourWork.Download download = YourWork.download(notebooks, gradebook);

        assertEquals(Map.of("notebooks/00-a.ipynb", "{\"cells\": []}", "notebooks/01-b.ipynb", "{\"cells\": [1]}",
                "gradebook.jsonl", "{\"item\":\"welcome-q1\"}\n"), unzip(download.zip()));
        assertEquals(java.util.List.of("notebooks/00-a.ipynb", "notebooks/01-b.ipynb", "gradebook.jsonl"), download.entries());
        assertTrue(download.fileName().matches("my-work-\\d{4}-\\d\\d-\\d\\d\\.zip"), download.fileName());
        assertTrue(download.toString().contains("2 notebooks and your gradebook"), download.toString());
    }

    @Test
    void theLinkCarriesTheWholeZip() throws IOException {
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Files.writeString(notebooks.resolve("00-a.ipynb"), "{}");
        YourWork.Download download = YourWork.download(notebooks, dir.resolve("no-gradebook.jsonl"));

        String html = download.mimeBundle().get("text/html");
        String prefix = "href=\"data:application/zip;base64,";
        int start = html.indexOf(prefix) + prefix.length();
        byte[] linked = Base64.getDecoder().decode(html.substring(start, html.indexOf('"', start)));
        assertArrayEquals(download.zip(), linked);
        assertTrue(html.contains("download=\"" + download.fileName() + "\""), html);
        assertTrue(download.toString().contains("no quiz attempts yet"), download.toString());
        assertArrayEquals(download.zip(), Files.readAllBytes(download.saveTo(dir)));
    }

    @Test
    void aMissingNotebooksFolderSaysWhatToDo() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> YourWork.download(dir.resolve("absent"), dir.resolve("g.jsonl")));
        assertTrue(error.getMessage().contains("COURSE_HOME"), error.getMessage());
    }
}
