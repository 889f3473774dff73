package dev.jft.quiz.answer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of sealed keys, from the JDK alone: PBKDF2 with HMAC-SHA256 turns a canonical
 * answer into a public tag and a secret key, and AES-GCM seals and opens bytes with a key. Both the
 * release (which seals) and the learner's kernel (which checks) use these, so they cannot disagree.
 *
 * <pre>{@code
 * AnswerLocks.Derived derived = AnswerLocks.derive("welcome-q1", salt, 2_000, CanonicalAnswer.choice(List.of("B")));
 * byte[] contentKey = AnswerLocks.open(derived.key(), lock.key());   // only the right answer's key opens it
 * }</pre>
 */
public final class AnswerLocks {

    private static final int TAG_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** What an answer derives: the tag it is recognised by (Base64) and the 32-byte key only it gives. */
    public record Derived(String tag, byte[] key) {}

    private AnswerLocks() {}

    /** Stretches {@code canonical}, salted with the question id and {@code salt}, into its tag and key. */
    public static Derived derive(String questionId, String salt, int iterations, String canonical) {
        byte[] saltBytes = (questionId + "\n" + salt).getBytes(StandardCharsets.UTF_8);
        PBEKeySpec spec = new PBEKeySpec(canonical.toCharArray(), saltBytes, iterations, 2 * TAG_BYTES * 8);
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new Derived(ENCODER.encodeToString(Arrays.copyOf(bytes, TAG_BYTES)),
                    Arrays.copyOfRange(bytes, TAG_BYTES, 2 * TAG_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks PBKDF2WithHmacSHA256, which every JDK 17 has", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** {@code plain} sealed with {@code key} (AES-GCM, random nonce first), as Base64. */
    public static String seal(byte[] key, byte[] plain) {
        byte[] iv = randomBytes(IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ENCODER.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal: " + e.getMessage(), e);
        }
    }

    /** Opens what {@link #seal} made with the same key; fails when the key is another or the text was changed. */
    public static byte[] open(byte[] key, String sealed) {
        try {
            byte[] bytes = DECODER.decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, bytes, 0, IV_BYTES));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed key in the quiz bank does not open (" + e.getMessage()
                    + "): the bank was changed after the release was made; make the release again", e);
        }
    }

    /** {@code count} bytes from a {@link SecureRandom}. */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A fresh random salt, as Base64. */
    public static String randomSalt() {
        return ENCODER.encodeToString(randomBytes(16));
    }
}
