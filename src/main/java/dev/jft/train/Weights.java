package dev.jft.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named copies of a block's parameters: taken, written, read and copied back in place, so the
 * parameters keep living in the manager that created them.
 *
 * <pre>{@code
 * NDList best = Weights.copy(block, manager);
 * Weights.restore(block, best);
 * Weights.write(Weights.copy(block, manager), path);
 * }</pre>
 */
public final class Weights {

    private Weights() {}

    /** Copies of all parameters, each named by its parameter path, in {@code manager}. */
    public static NDList copy(Block block, NDManager manager) {
        NDList copies = new NDList();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            NDArray copy = entry.getValue().getArray().duplicate();
            copy.attach(manager);
            copy.setName(entry.getKey());
            copies.add(copy);
        }
        return copies;
    }

    /**
     * Copies {@code values} (as from {@link #copy}) into the block's parameters, by name. Every
     * parameter must be there with its shape and every saved array must be a parameter; this is
     * checked before anything is copied, so on an error the block is left as it was.
     */
    public static void restore(Block block, NDList values) {
        Map<String, NDArray> byName = checkFits(block, values);
        for (Pair<String, Parameter> entry : block.getParameters()) {
            entry.getValue().getArray().set(byName.get(entry.getKey()).toByteBuffer());
        }
    }

    /** The saved arrays by name, once they are known to fit the block's parameters one to one. */
    static Map<String, NDArray> checkFits(Block block, NDList values) {
        Map<String, NDArray> byName = new HashMap<>();
        for (NDArray value : values) {
            byName.put(value.getName(), value);
        }
        Set<String> unused = new TreeSet<>(byName.keySet());
        for (Pair<String, Parameter> entry : block.getParameters()) {
            NDArray value = byName.get(entry.getKey());
            NDArray target = entry.getValue().getArray();
            if (value == null || !value.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException("Saved weights do not fit this model: parameter '" + entry.getKey()
                        + "' " + target.getShape() + " is " + (value == null ? "missing" : "saved as " + value.getShape())
                        + ". Build the same model architecture as the one that was saved.");
            }
            unused.remove(entry.getKey());
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("Saved weights do not fit this model: " + unused
                    + " are not parameters of it. Build the same model architecture as the one that was saved.");
        }
        return byName;
    }

    /** Writes named arrays to a file. */
    public static void write(NDList arrays, Path file) throws IOException {
        Files.write(file, arrays.encode());
    }

    /** Reads named arrays written by {@link #write} into {@code manager}. */
    public static NDList read(Path file, NDManager manager) throws IOException {
        return NDList.decode(manager, Files.readAllBytes(file));
    }
}
