package dev.jft.viz;

import java.util.Map;

/**
 * An object that knows how to show itself in a notebook in several formats.
 *
 * <p>The course kernel, and IJava once {@link IJavaDisplay} has registered the course's renderers,
 * render any cell result or {@code display(...)} argument that implements this interface through
 * its MIME bundle; other kernels fall back to {@link Object#toString()}, so {@code toString()}
 * should stay a readable plain-text view.
 *
 * <pre>{@code
 * record Greeting(String who) implements RichOutput {
 *     public Map<String, String> mimeBundle() {
 *         return Map.of("text/plain", "Hello " + who, "text/html", "<b>Hello " + who + "</b>");
 *     }
 * }
 * }</pre>
 */
public interface RichOutput {

    /**
     * MIME type to data. Text formats hold the text itself; binary formats such as
     * {@code image/png} hold base64. Should always contain {@code text/plain}.
     */
    Map<String, String> mimeBundle();
}
