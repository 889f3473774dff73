package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One vector per text from an encoder: tokenize, run the encoder, pool its per-token vectors with
 * an explicit {@link Pooling} ({@link Pooling#MEAN} over real tokens, or {@link Pooling#CLS}).
 *
 * <p>Texts go through in batches of similar length (sorted by token count, results returned in the
 * caller's order), each padded to its longest text; the padding does not count (MEAN masks it,
 * CLS is the first token), so a text's vector does not depend on what it was batched with. Inference runs with
 * gradient recording off ({@link GradMode}), so it works from any thread; calls are serialised.
 * {@link #close()} frees the encoder's weights and the tokenizer.
 *
 * <pre>{@code
 * try (SentenceEmbeddings embeddings = SentenceEmbeddings.builder()
 *         .encoder("all-MiniLM-L6-v2").pooling(Pooling.MEAN).build()) {
 *     float[][] vectors = embeddings.embed(List.of("A great film.", "A wonderful movie.", "The bus was late."));
 *     double similar = SentenceEmbeddings.cosine(vectors[0], vectors[1]);   // high
 *     double unrelated = SentenceEmbeddings.cosine(vectors[0], vectors[2]); // lower
 * }
 * }</pre>
 */
public final class SentenceEmbeddings implements AutoCloseable {

    private final String name;
    private final Pooling pooling;
    private final int batchSize;
    private final NDManager manager;
    private final BertEncoder encoder;
    private final TextTokenizer tokenizer;
    private boolean closed;

    private SentenceEmbeddings(Builder b) {
        this.name = b.checkpoint.name();
        this.pooling = b.pooling;
        this.batchSize = b.batchSize;
        this.manager = NDManager.newBaseManager();
        try {
            this.encoder = BertEncoder.pretrained(b.checkpoint, manager);
            this.tokenizer = TextTokenizer.builder(b.checkpoint.tokenizerJson())
                    .maxLength(b.maxLength).padding(Padding.DYNAMIC).build();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The checkpoint's name (catalog name, directory, or a random-weights description). */
    public String name() {
        return name;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** Length of each vector (the encoder's hidden size). */
    public int dimension() {
        return encoder.config().hiddenSize();
    }

    /** The vector of one text. */
    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** One vector per text, in order: [texts.size()][dimension()]. */
    public synchronized float[][] embed(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("These sentence embeddings are closed");
        }
        Objects.requireNonNull(texts, "texts");
        // Batches of similar length waste little on padding; the result is in the caller's order.
        int[] lengths = tokenizer.lengths(texts); // refuses a blank text, naming its row
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> lengths[i]));
        float[][] out = new float[texts.size()][];
        int h = dimension();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<String> part = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) {
                part.add(texts.get(order[k]));
            }
            TokenBatch batch = tokenizer.encode(part);
            try (NDManager step = manager.newSubManager()) {
                NDList inputs = batch.inputs(step);
                float[] flat = GradMode.disabled(() -> {
                    NDArray hidden = encoder.forward(new ParameterStore(step, false), inputs, false).head();
                    return pooling.pool(hidden, inputs.get(1)).toFloatArray();
                });
                for (int k = start; k < end; k++) {
                    int row = k - start;
                    out[order[k]] = java.util.Arrays.copyOfRange(flat, row * h, (row + 1) * h);
                }
            }
        }
        return out;
    }

    /**
     * Cosine similarity: the dot product of the two vectors over the product of their lengths, in
     * [-1, 1]. Throws if the lengths differ or either vector is all zeros (no direction).
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            throw new IllegalArgumentException("Cosine similarity is undefined for a zero vector");
        }
        return dot / Math.sqrt(aa * bb);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tokenizer.close();
            manager.close();
        }
    }

    /** Options of {@link SentenceEmbeddings}; the pooling must be chosen. */
    public static final class Builder {
        private Checkpoint checkpoint;
        private Pooling pooling;
        private int maxLength = 128;
        private int batchSize = 32;

        private Builder() {}

        /** A catalog model by name, e.g. "all-MiniLM-L6-v2". */
        public Builder encoder(String catalogName) {
            this.checkpoint = ModelCatalog.load(catalogName);
            return this;
        }

        /** Any checkpoint, e.g. {@code ModelCatalog.load("e5-small-v2").withRandomWeights(7)}. */
        public Builder encoder(Checkpoint checkpoint) {
            this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
            return this;
        }

        /**
         * {@link Pooling#MEAN} (how sentence-transformers models such as all-MiniLM-L6-v2 are trained)
         * or {@link Pooling#CLS} (the first token's vector). {@link Pooling#POOLER} has trained
         * weights only in a classifier, so it is refused here.
         */
        public Builder pooling(Pooling pooling) {
            Objects.requireNonNull(pooling, "pooling");
            if (pooling == Pooling.POOLER) {
                throw new IllegalArgumentException("Sentence embeddings pool with MEAN or CLS; POOLER needs a"
                        + " classifier's trained pooler weights");
            }
            this.pooling = pooling;
            return this;
        }

        /** Longest input in tokens; longer texts are truncated (default 128). */
        public Builder maxLength(int maxLength) {
            if (maxLength < 2) {
                throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** Texts per forward pass (default 32). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Loads the encoder onto its own manager (freed by {@link SentenceEmbeddings#close()}). */
        public SentenceEmbeddings build() {
            if (checkpoint == null) {
                throw new IllegalStateException("Choose an encoder first, e.g. .encoder(\"all-MiniLM-L6-v2\")"
                        + " (catalog: " + ModelCatalog.names() + ")");
            }
            if (pooling == null) {
                throw new IllegalStateException("Choose the pooling, .pooling(Pooling.MEAN) or .pooling(Pooling.CLS)");
            }
            return new SentenceEmbeddings(this);
        }
    }
}
