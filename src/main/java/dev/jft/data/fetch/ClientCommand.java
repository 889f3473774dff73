package dev.jft.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs one external command (a registry client, tar, dpkg-deb) to the end and keeps its output. */
final class ClientCommand {

    /** What a finished command left behind. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last lines of the output, enough to explain a failure. */
        String tail() {
            String[] lines = output.strip().split("\n");
            int from = Math.max(0, lines.length - 8);
            return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
        }
    }

    private ClientCommand() {
    }

    /**
     * Runs the command in a directory.
     *
     * @param hint what to tell the user when the program itself is missing
     * @throws DatasetUnavailableException when the program is not on PATH or the wait is interrupted
     */
    static Result run(List<String> command, Path dir, String hint) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DatasetUnavailableException("'" + command.get(0) + "' is not on PATH (needed for: "
                    + String.join(" ", command) + "). " + hint, e);
        }
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DatasetUnavailableException("Could not read the output of " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatasetUnavailableException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
