package dev.jft.data.mail;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/** Undoes Content-Transfer-Encoding: base64 and quoted-printable; 7bit/8bit/binary stay as they are. */
final class TransferDecoding {

    private TransferDecoding() {
    }

    /** Decodes the body bytes of a part; unknown encodings are left as they are. */
    static byte[] decode(byte[] body, String encoding) {
        return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "base64" -> base64(body);
            case "quoted-printable" -> quotedPrintable(body, false);
            default -> body;
        };
    }

    /** Base64 that tolerates line breaks, stray characters and missing padding, as real mail needs. */
    static byte[] base64(byte[] body) {
        StringBuilder clean = new StringBuilder(body.length);
        for (byte b : body) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                clean.append(c);
            }
        }
        // A lone trailing character cannot encode a byte: drop it rather than fail the whole part.
        String usable = clean.length() % 4 == 1 ? clean.substring(0, clean.length() - 1) : clean.toString();
        return Base64.getDecoder().decode(pad(usable));
    }

    private static String pad(String s) {
        return s.length() % 4 == 0 ? s : s + "=".repeat(4 - s.length() % 4);
    }

    /**
     * Quoted-printable (RFC 2045 6.7): {@code =XX} bytes and soft line breaks; with {@code underscores}
     * (RFC 2047 "Q" encoding) '_' stands for a space. Malformed escapes are kept literally.
     */
    static byte[] quotedPrintable(byte[] body, boolean underscores) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '=' && i + 1 < body.length && (body[i + 1] == '\n' || body[i + 1] == '\r')) {
                i += body[i + 1] == '\r' && i + 2 < body.length && body[i + 2] == '\n' ? 2 : 1;   // soft break
            } else if (b == '=' && i + 2 < body.length && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else if (b == '_' && underscores) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
