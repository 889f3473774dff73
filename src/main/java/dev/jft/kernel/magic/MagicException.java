package dev.jft.kernel.magic;

/**
 * A magic could not do its work; the message says what was wrong and what to do.
 *
 * <pre>{@code
 * throw new MagicException("%jars: no file matches 'lib/*.jar'; check the path");
 * }</pre>
 */
public final class MagicException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for the learner. */
    public MagicException(String message) {
        super(message);
    }

    /** A failure with a message for the learner and its underlying cause. */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
