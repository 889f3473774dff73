package dev.jft.serve;

/**
 * What one {@code POST /predict} request may hold. Anything over a limit is refused with a 4xx
 * answer that names the limit; nothing is cut silently (texts longer than the model's maximum
 * length in <em>tokens</em> are truncated by the tokenizer, and each prediction reports it).
 *
 * <pre>{@code
 * RequestLimits limits = RequestLimits.DEFAULT;                  // 1 MiB, 64 texts, 5,000 characters each
 * RequestLimits strict = new RequestLimits(64 * 1024, 8, 1_000);
 * }</pre>
 *
 * @param maxBodyBytes largest body in bytes (UTF-8); a larger one gets 413
 * @param maxTexts most texts in one request; more get 400
 * @param maxTextChars longest text in characters (Unicode code points); a longer one gets 400
 */
public record RequestLimits(int maxBodyBytes, int maxTexts, int maxTextChars) {

    /** 1 MiB bodies, 64 texts per request, 5,000 characters per text. */
    public static final RequestLimits DEFAULT = new RequestLimits(1 << 20, 64, 5_000);

    public RequestLimits {
        if (maxBodyBytes < 16 || maxTexts < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException("Limits must be positive (body at least 16 bytes), got "
                    + maxBodyBytes + " bytes, " + maxTexts + " texts, " + maxTextChars + " characters");
        }
    }
}
