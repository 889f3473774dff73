package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The keys and values a {@link Gpt2Decoder} has computed for the tokens so far, per layer, so that
 * the next token costs one step: its query attends to the cached keys and values instead of the
 * whole prefix being run again. For inference (no gradients). Holds its arrays in its own manager;
 * close it when done.
 *
 * <pre>{@code
 * try (KeyValueCache cache = decoder.newCache()) {
 *     NDArray logits = decoder.forward(store, promptIds, null, cache, false); // fills the cache
 *     NDArray next = decoder.forward(store, nextId, null, cache, false);      // one position only
 * }
 * }</pre>
 */
public final class KeyValueCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private long length;

    /** An empty cache for {@code layers} layers, its arrays on {@code manager}'s device. */
    public KeyValueCache(int layers, NDManager parent) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of positions cached. */
    public long length() {
        return length;
    }

    /** Number of layers. */
    public int layers() {
        return keys.length;
    }

    /**
     * Appends the new positions' keys and values [B, heads, T, headSize] of {@code layer} and returns
     * all keys and values so far (cached first). The last layer's append advances {@link #length()}.
     */
    NDArray[] append(int layer, NDArray newKeys, NDArray newValues) {
        keys[layer] = joined(keys[layer], newKeys);
        values[layer] = joined(values[layer], newValues);
        if (layer == keys.length - 1) {
            length = keys[layer].getShape().get(2);
        }
        return new NDArray[] {keys[layer], values[layer]};
    }

    /** The cached positions followed by the new ones, owned by the cache; the old array is freed. */
    private NDArray joined(NDArray cached, NDArray added) {
        NDArray all = cached == null ? added : cached.concat(added, 2);
        all.attach(manager);
        if (cached != null) {
            cached.close();
        }
        return all;
    }

    @Override
    public void close() {
        manager.close();
    }
}
