package dev.jft.quiz.bank;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps JSON paths such as {@code $.questions[2].options[0]} to the line where that value starts,
 * so validation problems can name a line. Gson's {@link JsonReader} knows the line but only
 * reports it in its {@code toString()}; a unit test pins that format.
 */
final class SourceLines {

    private static final Pattern LINE = Pattern.compile(" at line (\\d+) ");

    private final Map<String, Integer> lineByPath = new HashMap<>();

    private SourceLines() {}

    /** Indexes {@code json}, which must be well-formed. */
    static SourceLines index(String json) {
        SourceLines lines = new SourceLines();
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            lines.walk(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The line of the value at {@code path}, or of its nearest indexed parent; 1 if unknown. */
    int line(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lineByPath.get(p);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private void walk(JsonReader reader) throws IOException {
        JsonToken token = reader.peek();
        lineByPath.putIfAbsent(reader.getPath(), currentLine(reader));
        switch (token) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                while (reader.hasNext()) {
                    reader.nextName();
                    lineByPath.put(reader.getPath(), currentLine(reader));
                    walk(reader);
                }
                reader.endObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                while (reader.hasNext()) {
                    walk(reader);
                }
                reader.endArray();
            }
            default -> reader.skipValue();
        }
    }

    private static int currentLine(JsonReader reader) {
        Matcher matcher = LINE.matcher(reader.toString());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }
}
