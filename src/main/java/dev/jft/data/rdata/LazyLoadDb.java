package dev.jft.data.rdata;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Reads the objects of an installed R package's lazy-load database ({@code Rdata.rdx} index +
 * {@code Rdata.rdb} records). The index is gzip-compressed serialization of
 * {@code list(variables = list(name = c(offset, length)), references, compressed)}; each record
 * is a 4-byte big-endian uncompressed length and a zlib stream of serialization.
 *
 * <pre>{@code
 * LazyLoadDb db = LazyLoadDb.open(dataDir.resolve("Rdata"));
 * String[] lines = db.get("emma").strings();
 * }</pre>
 */
public final class LazyLoadDb {

    private final Path rdb;
    private final Map<String, long[]> variables;

    private LazyLoadDb(Path rdb, Map<String, long[]> variables) {
        this.rdb = rdb;
        this.variables = variables;
    }

    /**
     * Opens {@code <base>.rdx} and {@code <base>.rdb}.
     *
     * @param base path without extension, e.g. {@code .../janeaustenr/data/Rdata}
     */
    public static LazyLoadDb open(Path base) throws IOException {
        Path rdx = base.resolveSibling(base.getFileName() + ".rdx");
        RValue index;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(rdx))) {
            index = RSerialReader.read(in);
        }
        RValue compressed = index.element("compressed");
        if (compressed.type() != RValue.LGLSXP || compressed.ints()[0] != 1) {
            throw new IOException(rdx + ": only zlib-compressed lazy-load databases are supported"
                    + " (compressed = TRUE); this one uses another compression");
        }
        Map<String, long[]> variables = new LinkedHashMap<>();
        RValue vars = index.element("variables");
        String[] names = vars.names();
        for (int i = 0; i < names.length; i++) {
            RValue pos = vars.elements().get(i);
            long[] offsetLength = pos.type() == RValue.REALSXP
                    ? new long[] {(long) pos.doubles()[0], (long) pos.doubles()[1]}
                    : new long[] {pos.ints()[0], pos.ints()[1]};
            variables.put(names[i], offsetLength);
        }
        return new LazyLoadDb(base.resolveSibling(base.getFileName() + ".rdb"), variables);
    }

    /** Names of the objects in the database, in index order. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(variables.keySet());
    }

    /**
     * Reads one object.
     *
     * @throws IllegalArgumentException naming the objects there are when the name is unknown
     */
    public RValue get(String name) throws IOException {
        long[] pos = variables.get(name);
        if (pos == null) {
            throw new IllegalArgumentException("No object '" + name + "' in " + rdb + "; there are " + names());
        }
        byte[] record = new byte[(int) pos[1]];
        try (RandomAccessFile file = new RandomAccessFile(rdb.toFile(), "r")) {
            file.seek(pos[0]);
            file.readFully(record);
        }
        int length = new DataInputStream(new ByteArrayInputStream(record)).readInt();
        byte[] serialized = inflate(record, length, name);
        return RSerialReader.read(new ByteArrayInputStream(serialized));
    }

    private byte[] inflate(byte[] record, int length, String name) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(record, 4, record.length - 4);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length && !inflater.finished()) {
                int got = inflater.inflate(out, n, length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != length) {
                throw new IOException(rdb + ": record '" + name + "' inflated to " + n + " bytes, expected " + length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException(rdb + ": record '" + name + "' is not a zlib stream", e);
        } finally {
            inflater.end();
        }
    }
}
