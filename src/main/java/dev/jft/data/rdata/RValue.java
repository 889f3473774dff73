package dev.jft.data.rdata;

import java.util.List;
import java.util.Map;

/**
 * A value read from R's serialization format, kept close to R's own model.
 *
 * <pre>{@code
 * RValue v = ...;
 * if (v.type() == RValue.STRSXP) { String[] lines = v.strings(); }
 * RValue part = v.element("variables");   // list element by name
 * }</pre>
 *
 * @param type       R's SEXP type code ({@link #STRSXP}, {@link #VECSXP}, ...)
 * @param data       {@code String[]} (character, symbol as one element), {@code int[]} (integer,
 *                   logical; NA is {@link Integer#MIN_VALUE}), {@code double[]}, {@code byte[]} (raw),
 *                   {@code List<RValue>} (list, pairlist), or null
 * @param attributes attributes by name, e.g. {@code names}
 */
public record RValue(int type, Object data, Map<String, RValue> attributes) {

    public static final int NILSXP = 0;
    public static final int SYMSXP = 1;
    public static final int LISTSXP = 2;
    public static final int ENVSXP = 4;
    public static final int CHARSXP = 9;
    public static final int LGLSXP = 10;
    public static final int INTSXP = 13;
    public static final int REALSXP = 14;
    public static final int CPLXSXP = 15;
    public static final int STRSXP = 16;
    public static final int VECSXP = 19;
    public static final int EXPRSXP = 20;
    public static final int RAWSXP = 24;
    public static final int S4SXP = 25;

    /** R's NULL. */
    public static final RValue NULL = new RValue(NILSXP, null, Map.of());

    /** The strings of a character vector (NA is null). */
    public String[] strings() {
        return (String[]) require(STRSXP, SYMSXP, CHARSXP);
    }

    /** The values of an integer or logical vector. */
    public int[] ints() {
        return (int[]) require(INTSXP, LGLSXP);
    }

    /** The values of a numeric vector. */
    public double[] doubles() {
        return (double[]) require(REALSXP);
    }

    /** The elements of a list or pairlist. */
    @SuppressWarnings("unchecked")
    public List<RValue> elements() {
        return (List<RValue>) require(VECSXP, LISTSXP, EXPRSXP);
    }

    /** The element names of a list or pairlist, or an empty array when unnamed. */
    public String[] names() {
        RValue names = attributes.get("names");
        return names == null ? new String[0] : names.strings();
    }

    /**
     * The element with that name.
     *
     * @throws IllegalArgumentException listing the names there are
     */
    public RValue element(String name) {
        String[] names = names();
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return elements().get(i);
            }
        }
        throw new IllegalArgumentException("No element '" + name + "' in R list with names " + List.of(names));
    }

    private Object require(int... types) {
        for (int t : types) {
            if (t == type) {
                return data;
            }
        }
        throw new IllegalStateException("R value of type " + type + " where type " + java.util.Arrays.toString(types)
                + " was expected");
    }
}
