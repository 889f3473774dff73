package dev.jft.course;

import dev.jft.quiz.progress.Gradebook;
import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The learner's work in one file to download: the lesson notebooks as last saved, and the quiz
 * gradebook, zipped and offered as a link in the cell's output. On Binder a session's files are
 * deleted when it ends; this is how to keep them.
 *
 * <pre>{@code
 * YourWork.download()   // as a cell's last line: a "Download my-work-2026-12-03.zip" link
 * }</pre>
 */
public final class YourWork {

    private YourWork() {}

    /** The notebooks of this course's {@code notebooks} folder and the learner's gradebook. */
    public static Download download() {
        return download(Course.home().resolve("notebooks"), Gradebook.fromEnvironment().file());
    }

    /** The notebooks ({@code *.ipynb}) of {@code notebooks} and, when it exists, {@code gradebook}. */
    public static Download download(Path notebooks, Path gradebook) {
        if (!Files.isDirectory(notebooks)) {
            throw new IllegalArgumentException("No notebooks folder at " + notebooks
                    + ": run this from a course notebook, or set COURSE_HOME to the course folder");
        }
        List<String> names = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(notebooks)) {
            for (Path notebook : files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList()) {
                add(zip, "notebooks/" + notebook.getFileName(), notebook, names);
            }
            if (Files.isRegularFile(gradebook)) {
                add(zip, "gradebook.jsonl", gradebook, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not pack your work from " + notebooks + ": " + e.getMessage(), e);
        }
        return new Download("my-work-" + LocalDate.now() + ".zip", bytes.toByteArray(), List.copyOf(names));
    }

    private static void add(ZipOutputStream zip, String name, Path file, List<String> names) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
        names.add(name);
    }

    /** A zip file in memory, shown as a download link (HTML) or as a summary (plain text). */
    public record Download(String fileName, byte[] zip, List<String> entries) implements RichOutput {

        /** Where a learner without a browser link can save it, e.g. {@code download.saveTo(Path.of("."))}. */
        public Path saveTo(Path folder) throws IOException {
            return Files.write(folder.resolve(fileName), zip);
        }

        private String summary() {
            boolean graded = entries.contains("gradebook.jsonl");
            return String.format("%s: %d notebooks%s, %,d KB. Save your notebooks first (Ctrl+S): the zip holds them"
                            + " as last saved.", fileName, entries.size() - (graded ? 1 : 0),
                    graded ? " and your gradebook" : " (no quiz attempts yet, so no gradebook)",
                    Math.max(1, zip.length / 1024));
        }

        @Override
        public Map<String, String> mimeBundle() {
            String link = "<a download=\"" + Html.escape(fileName) + "\" href=\"data:application/zip;base64,"
                    + Base64.getEncoder().encodeToString(zip) + "\">Download " + Html.escape(fileName) + "</a>";
            return Map.of("text/plain", toString(), "text/html", "<p>" + link + "</p><p>" + Html.escape(summary()) + "</p>");
        }

        @Override
        public String toString() {
            return summary();
        }
    }
}
