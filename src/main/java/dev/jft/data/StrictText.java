package dev.jft.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text files strictly: bytes that are not valid in the charset are an error naming the
 * file and line, never replaced by '\uFFFD' behind the reader's back.
 *
 * <pre>{@code
 * String json = StrictText.read(Path.of("imdb.json"));   // throws DataFormatException on bad UTF-8
 * }</pre>
 */
public final class StrictText {

    private StrictText() {
    }

    /** The whole file as UTF-8. */
    public static String read(Path file) {
        return decode(file, bytes(file), StandardCharsets.UTF_8);
    }

    /**
     * Decodes bytes read from a file.
     *
     * @throws DataFormatException with the line of the first invalid byte
     */
    public static String decode(Path file, byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            throw new DataFormatException(file, lineAt(bytes, offset), "valid " + charset.name() + " text",
                    "an invalid byte sequence at byte offset " + offset + " (save the file as " + charset.name() + ")");
        }
    }

    /** The file's bytes. */
    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
