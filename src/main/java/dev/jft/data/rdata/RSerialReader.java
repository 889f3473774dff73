package dev.jft.data.rdata;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads R's XDR serialization format (versions 2 and 3), as written by {@code saveRDS} and by the
 * lazy-load databases of installed packages. Covers data: vectors, lists, pairlists, attributes,
 * symbols, environments and references; not byte code.
 *
 * <pre>{@code
 * RValue value = RSerialReader.read(new GZIPInputStream(Files.newInputStream(rdsFile)));
 * }</pre>
 */
public final class RSerialReader {

    private static final int HAS_ATTR = 1 << 9;
    private static final int HAS_TAG = 1 << 10;
    private static final int LATIN1 = 1 << 2;

    private final DataInputStream in;
    private final List<RValue> references = new ArrayList<>();

    private RSerialReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /**
     * Reads the header ({@code X\n}, versions, native encoding) and one value.
     *
     * @throws IOException when the stream is not XDR serialization or uses an unsupported type
     */
    public static RValue read(InputStream in) throws IOException {
        RSerialReader reader = new RSerialReader(in);
        reader.header();
        return reader.item();
    }

    private void header() throws IOException {
        int format = in.readUnsignedByte();
        int newline = in.readUnsignedByte();
        if (format != 'X' || newline != '\n') {
            throw new IOException("Not R XDR serialization: starts with bytes " + format + ", " + newline
                    + " instead of 'X\\n'");
        }
        int version = in.readInt();
        in.readInt();   // R version that wrote it
        in.readInt();   // oldest R version that can read it
        if (version == 3) {
            in.skipNBytes(in.readInt());   // native encoding name
        } else if (version != 2) {
            throw new IOException("Unsupported R serialization version " + version);
        }
    }

    private RValue item() throws IOException {
        int flags = in.readInt();
        int type = flags & 0xFF;
        boolean hasAttr = (flags & HAS_ATTR) != 0;
        switch (type) {
            case 254: return RValue.NULL;                          // NILVALUE_SXP
            case 242: case 241: case 253: case 252: case 251: case 250:
                return new RValue(RValue.ENVSXP, null, Map.of()); // empty/base/global env, unbound, missing arg, base namespace
            case 255: {                                            // REFSXP
                int index = flags >> 8;
                return references.get((index == 0 ? in.readInt() : index) - 1);
            }
            case 247: case 248: case 249: {                        // PERSISTSXP, PACKAGESXP, NAMESPACESXP
                RValue value = new RValue(type, persistentStrings(), Map.of());
                references.add(value);
                return value;
            }
            case RValue.SYMSXP: {
                RValue value = new RValue(RValue.SYMSXP, item().data(), Map.of());
                references.add(value);
                return value;
            }
            case RValue.ENVSXP: return environment();
            case RValue.LISTSXP: case 3: case 5: case 6: case 17: case 239: case 240:
                return pairlist(flags);
            case RValue.CHARSXP: return new RValue(RValue.CHARSXP, new String[] {charsxp(flags)}, Map.of());
            case 238: {                                            // ALTREP_SXP: class info, state, attributes
                item();
                RValue state = item();
                RValue attributes = item();
                return new RValue(state.type(), state.data(), attributeMap(attributes));
            }
            default: {
                Object data = vectorData(type);
                return new RValue(type, data, hasAttr ? attributeMap(item()) : Map.of());
            }
        }
    }

    private Object vectorData(int type) throws IOException {
        switch (type) {
            case RValue.LGLSXP: case RValue.INTSXP: {
                int[] values = new int[length()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readInt();
                }
                return values;
            }
            case RValue.REALSXP: case RValue.CPLXSXP: {
                double[] values = new double[length() * (type == RValue.CPLXSXP ? 2 : 1)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readDouble();
                }
                return values;
            }
            case RValue.STRSXP: {
                String[] values = new String[length()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = charsxp(in.readInt());
                }
                return values;
            }
            case RValue.VECSXP: case RValue.EXPRSXP: {
                int n = length();
                List<RValue> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(item());
                }
                return values;
            }
            case RValue.RAWSXP: {
                byte[] bytes = new byte[length()];
                in.readFully(bytes);
                return bytes;
            }
            case RValue.S4SXP: return null;
            default: throw new IOException("Unsupported R object type " + type + " (byte code or external pointer?)");
        }
    }

    private int length() throws IOException {
        int n = in.readInt();
        if (n == -1) {
            long upper = in.readInt();
            long lower = in.readInt() & 0xFFFFFFFFL;
            throw new IOException("R vector too long for Java: " + ((upper << 32) + lower) + " elements");
        }
        return n;
    }

    /** A CHARSXP body after its flags: length (-1 for NA) and bytes. */
    private String charsxp(int flags) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, (flags >> 12 & LATIN1) != 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private String[] persistentStrings() throws IOException {
        in.readInt();   // always 0
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = item().strings()[0];
        }
        return values;
    }

    private RValue environment() throws IOException {
        in.readInt();   // locked
        Map<String, RValue> attributes = new LinkedHashMap<>();
        RValue env = new RValue(RValue.ENVSXP, null, attributes);
        references.add(env);   // registered before its contents, which may refer back to it
        item();                // enclosing environment
        attributes.put("frame", item());
        attributes.put("hashtab", item());
        attributes.putAll(attributeMap(item()));
        return env;
    }

    /** A pairlist node chain, flattened into one list with the tags as names. */
    private RValue pairlist(int firstFlags) throws IOException {
        List<RValue> values = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Map<String, RValue> attributes = Map.of();
        int flags = firstFlags;
        while (true) {
            if ((flags & HAS_ATTR) != 0) {
                attributes = attributeMap(item());
            }
            String tag = (flags & HAS_TAG) != 0 ? item().strings()[0] : "";
            tags.add(tag);
            values.add(item());
            flags = in.readInt();   // the CDR: another node, or the end of the list
            int type = flags & 0xFF;
            if (type == 254) {
                break;
            }
            if (type != RValue.LISTSXP && type != 239) {
                throw new IOException("Unsupported pairlist tail of type " + type);
            }
        }
        Map<String, RValue> all = new LinkedHashMap<>(attributes);
        all.put("names", new RValue(RValue.STRSXP, tags.toArray(String[]::new), Map.of()));
        return new RValue(RValue.LISTSXP, values, all);
    }

    private static Map<String, RValue> attributeMap(RValue pairlist) {
        if (pairlist.type() == RValue.NILSXP) {
            return Map.of();
        }
        Map<String, RValue> map = new LinkedHashMap<>();
        String[] names = pairlist.names();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], pairlist.elements().get(i));
        }
        return map;
    }
}
