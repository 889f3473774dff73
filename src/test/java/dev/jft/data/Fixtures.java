package dev.jft.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the small data fixtures under src/test/resources/data. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture file or folder at {@code data/<relative>} on the test class path. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/data/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("No test fixture data/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
