package dev.jft.data.rdata;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a tiny R lazy-load database of character vectors the way R does (XDR serialization
 * version 2, zlib records, gzip index), so the reader is tested without R or the real package.
 */
public final class RFixtureWriter {

    private static final int HAS_ATTR = 1 << 9;
    private static final int HAS_TAG = 1 << 10;

    private RFixtureWriter() {
    }

    /** Writes {@code <base>.rdb} and {@code <base>.rdx} holding the given character vectors. */
    public static void write(Path base, Map<String, String[]> objects) throws IOException {
        ByteArrayOutputStream rdb = new ByteArrayOutputStream();
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : objects.entrySet()) {
            byte[] serialized = serialize(out -> strings(out, e.getValue()));
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (OutputStream z = new DeflaterOutputStream(compressed, new Deflater())) {
                z.write(serialized);
            }
            int offset = rdb.size();
            new DataOutputStream(rdb).writeInt(serialized.length);
            rdb.write(compressed.toByteArray());
            positions.put(e.getKey(), new int[] {offset, rdb.size() - offset});
        }
        Files.write(base.resolveSibling(base.getFileName() + ".rdb"), rdb.toByteArray());
        byte[] index = serialize(out -> index(out, positions));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(base.resolveSibling(base.getFileName() + ".rdx")))) {
            gz.write(index);
        }
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] serialize(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'X', '\n'});
        out.writeInt(2);
        out.writeInt(0x040201);
        out.writeInt(0x020300);
        body.write(out);
        return bytes.toByteArray();
    }

    private static void index(DataOutputStream out, Map<String, int[]> positions) throws IOException {
        out.writeInt(RValue.VECSXP | HAS_ATTR);
        out.writeInt(3);
        out.writeInt(RValue.VECSXP | HAS_ATTR);   // variables
        out.writeInt(positions.size());
        for (int[] pos : positions.values()) {
            out.writeInt(RValue.INTSXP);
            out.writeInt(2);
            out.writeInt(pos[0]);
            out.writeInt(pos[1]);
        }
        names(out, positions.keySet().toArray(String[]::new));
        out.writeInt(RValue.VECSXP);             // references: empty list
        out.writeInt(0);
        out.writeInt(RValue.LGLSXP);             // compressed = TRUE
        out.writeInt(1);
        out.writeInt(1);
        names(out, new String[] {"variables", "references", "compressed"});
    }

    /** The attribute pairlist {@code names = <values>}. */
    private static void names(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(RValue.LISTSXP | HAS_TAG);
        out.writeInt(RValue.SYMSXP);
        charsxp(out, "names");
        strings(out, values);
        out.writeInt(254);                       // end of pairlist
    }

    private static void strings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(RValue.STRSXP);
        out.writeInt(values.length);
        for (String v : values) {
            charsxp(out, v);
        }
    }

    private static void charsxp(DataOutputStream out, String value) throws IOException {
        out.writeInt(RValue.CHARSXP | (8 << 12));   // UTF-8 flag in the general-purpose bits
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
