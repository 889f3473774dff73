package dev.jft.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Float32 values with their shape: one weight tensor as read from or written to a checkpoint.
 *
 * <pre>{@code
 * FloatTensor w = new FloatTensor(new long[] {2, 3}, new float[6]);
 * FloatTensor t = w.transpose(); // shape [3, 2]
 * }</pre>
 */
public record FloatTensor(long[] shape, float[] data) {

    public FloatTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        if (count(shape) != data.length) {
            throw new IllegalArgumentException(
                    "Shape " + Arrays.toString(shape) + " needs " + count(shape) + " values, got " + data.length);
        }
    }

    /** Number of values. */
    public long size() {
        return data.length;
    }

    /** The shape as text, e.g. {@code [384, 1536]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** True when both shapes are equal. */
    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The matrix transpose; only for 2-D tensors. */
    public FloatTensor transpose() {
        if (shape.length != 2) {
            throw new IllegalStateException("transpose needs a 2-D tensor, got shape " + shapeText());
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, out);
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
