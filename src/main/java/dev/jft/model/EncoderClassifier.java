package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A pretrained BERT encoder with a linear classification head: the part shared by
 * {@link SequenceClassifier} and {@link TokenClassifier}.
 *
 * <p>Forward: {@code NDList(inputIds, attentionMask, tokenTypeIds)} (int64 [B, T], as
 * {@code TokenBatch.inputs(manager)}) to {@code NDList(logits)}. Parameters live on the manager
 * given to {@code build}; close that manager to free them.
 *
 * <pre>{@code
 * classifier.freezeEncoder();        // linear probe: train the head only
 * classifier.unfreezeTopLayers(2);   // then the top two transformer layers too
 * classifier.save(Path.of("out"));   // Hugging Face layout, loadable by transformers
 * }</pre>
 */
public abstract class EncoderClassifier extends AbstractBlock {

    private static final double HEAD_INIT_STD = 0.02; // BERT's initializer_range

    private final BertEncoder encoder;
    private final Dropout dropout;
    private final Linear classifier;
    private final LabelMap labels;
    private final String tokenizerJson;

    EncoderClassifier(BertConfig config, LabelMap labels, double dropoutRate, String tokenizerJson) {
        this.encoder = addChildBlock("bert", new BertEncoder(config));
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate((float) dropoutRate).build());
        this.classifier = addChildBlock("classifier", BertLayer.linear(labels.size()));
        this.labels = labels;
        this.tokenizerJson = tokenizerJson;
    }

    /** Turns the encoder's hidden states [B, T, H] into the features the head classifies. */
    abstract NDArray features(NDArray hidden, NDArray mask, ParameterStore store, boolean training);

    /** Shape of {@link #features} for the given input-id shape. */
    abstract Shape featureShape(Shape ids, int hidden);

    /** The Hugging Face architecture name written to config.json. */
    abstract String architecture();

    public BertEncoder encoder() {
        return encoder;
    }

    public LabelMap labels() {
        return labels;
    }

    /** The tokenizer definition that belongs to the encoder. */
    public String tokenizerJson() {
        return tokenizerJson;
    }

    /**
     * A tokenizer for this model's inputs (close it when done).
     *
     * @param maxLength longest input in tokens
     * @param padding {@link Padding#DYNAMIC} for training/inference speed, {@link Padding#FIXED} for fixed shapes
     */
    public TextTokenizer tokenizer(int maxLength, Padding padding) {
        return TextTokenizer.builder(tokenizerJson).maxLength(maxLength).padding(padding).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = encoder.forward(store, inputs, training).head();
        NDArray features = features(hidden, inputs.get(1), store, training);
        NDArray dropped = dropout.forward(store, new NDList(features), training).head();
        return classifier.forward(store, new NDList(dropped), training);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape features = featureShape(inputShapes[0], encoder.config().hiddenSize());
        dropout.initialize(manager, dataType, features);
        classifier.initialize(manager, dataType, features);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape features = featureShape(inputShapes[0], encoder.config().hiddenSize());
        return new Shape[] {features.slice(0, features.dimension() - 1).add(labels.size())};
    }

    WeightSlots headSlots() {
        WeightSlots slots = new WeightSlots();
        BertLayer.addLinear(slots, "classifier.", classifier, labels.size(), encoder.config().hiddenSize());
        return slots;
    }

    /**
     * Weights between encoder and head that Hugging Face stores inside the encoder ("pooler.dense.*"),
     * named without the "bert." prefix; empty unless the pooling has weights.
     */
    WeightSlots poolerSlots() {
        return new WeightSlots();
    }

    /** Weights drawn from N(0, 0.02) with the given seed, biases zero (as Hugging Face initialises). */
    static void initRandomly(WeightSlots slots, long seed, String what) {
        Random random = new Random(seed);
        Map<String, FloatTensor> values = new LinkedHashMap<>();
        slots.asMap().forEach((name, slot) -> {
            float[] data = new float[slot.size()];
            if (!name.endsWith("bias")) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * HEAD_INIT_STD);
                }
            }
            values.put(name, new FloatTensor(slot.shape().clone(), data));
        });
        slots.copyIn(values, what);
    }

    /** Every parameter with its part, depth and weight-decay class; encoder first, head last. */
    public List<ModelParameter> modelParameters() {
        List<ModelParameter> out = new ArrayList<>();
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        encoder.slots().asMap().forEach((name, slot) -> {
            if (seen.add(slot.parameter())) {
                String fused = name.replace(".attention.self.query.", ".attention.self.qkv.");
                out.add(ModelParameter.of(fused, slot.parameter(), false, BertEncoder.layerOf(name) + 1));
            }
        });
        int headDepth = encoder.layerCount() + 1;
        WeightSlots head = new WeightSlots();
        head.addAll("", poolerSlots());
        head.addAll("", headSlots());
        head.asMap().forEach((name, slot) -> out.add(ModelParameter.of(name, slot.parameter(), true, headDepth)));
        return out;
    }

    /** Freezes every encoder parameter (the head stays trainable). */
    public void freezeEncoder() {
        modelParameters().stream().filter(p -> !p.head()).forEach(p -> p.parameter().freeze(true));
    }

    /**
     * Makes the top {@code count} transformer layers trainable again (with {@code count} above the
     * number of layers, the embeddings too); lower layers keep their state.
     */
    public void unfreezeTopLayers(int count) {
        int lowest = encoder.layerCount() + 1 - count;
        modelParameters().stream()
                .filter(p -> !p.head() && p.layer() >= lowest)
                .forEach(p -> p.parameter().freeze(false));
    }

    /** The weights as a checkpoint (encoder, head, labels, tokenizer). */
    public Checkpoint checkpoint(String name) {
        Map<String, FloatTensor> weights = new LinkedHashMap<>(encoder.weights());
        weights.putAll(poolerSlots().copyOut());
        return new Checkpoint(name, encoder.config(), weights, tokenizerJson, headSlots().copyOut(), labels.names(),
                pooling());
    }

    /** The pooling to remember in a saved checkpoint (null: none). */
    Pooling pooling() {
        return null;
    }

    /** Saves in the Hugging Face layout ("bert." names + classifier.weight/bias, id2label in config.json). */
    public void save(Path dir) {
        HfCheckpoints.save(dir, checkpoint(dir.toString()), architecture());
    }

    /** The line printed when given labels make a saved head unusable. */
    static String replacedHeadNote(String source, List<String> saved, List<String> given) {
        return "Note: " + source + " has a trained head for labels " + saved + ", but labels " + given
                + " were given: its head is replaced by a new random one (give no labels, or exactly "
                + saved + ", to keep the trained head)";
    }

    /** Options shared by both classifier builders. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<B extends Builder<B>> {
        Checkpoint checkpoint;
        List<String> labelNames;
        double dropout = 0.1;
        Double encoderDropout;
        long seed = 42;
        Long randomWeightsSeed;

        /** A catalog model by name, e.g. "all-MiniLM-L6-v2". */
        public B encoder(String catalogName) {
            this.checkpoint = ModelCatalog.load(catalogName);
            return (B) this;
        }

        /** A Hugging Face model directory (reuses its head when it has one with the same labels). */
        public B encoder(Path directory) {
            this.checkpoint = HfCheckpoints.load(directory);
            return (B) this;
        }

        /** Already loaded weights. */
        public B encoder(Checkpoint checkpoint) {
            this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
            return (B) this;
        }

        /**
         * Class names in class-index order (default: the checkpoint's own labels). A saved head is
         * reused only when these are exactly its labels, in the same order; otherwise it is replaced
         * by a new randomly initialised head (seeded by {@link #seed}) and one line on standard
         * error says so, naming both label lists.
         */
        public B labels(String... names) {
            return labels(List.of(names));
        }

        public B labels(List<String> names) {
            this.labelNames = List.copyOf(names);
            return (B) this;
        }

        /** Dropout before the head (default 0.1). */
        public B dropout(double rate) {
            if (rate < 0 || rate >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
            }
            this.dropout = rate;
            return (B) this;
        }

        /** Dropout inside the encoder (hidden and attention; default: the checkpoint's, 0.1 for BERT). */
        public B encoderDropout(double rate) {
            this.encoderDropout = rate;
            return (B) this;
        }

        /** Seed of the head's initial weights (default 42). */
        public B seed(long seed) {
            this.seed = seed;
            return (B) this;
        }

        /**
         * Trains "from scratch": the encoder keeps the chosen model's shape (config) and tokenizer but
         * none of its pretrained weights; they are drawn at random from {@code seed} as by
         * {@link Checkpoint#withRandomWeights(long)}. The head is initialised from {@link #seed(long)}
         * as usual.
         *
         * <pre>{@code
         * SequenceClassifier scratch = SequenceClassifier.builder()
         *         .encoder("all-MiniLM-L6-v2").randomWeights(7)
         *         .labels("negative", "positive").build(manager);
         * }</pre>
         */
        public B randomWeights(long seed) {
            this.randomWeightsSeed = seed;
            return (B) this;
        }

        Checkpoint checkpoint() {
            if (checkpoint == null) {
                throw new IllegalStateException("Choose an encoder first, e.g. .encoder(\"all-MiniLM-L6-v2\")"
                        + " (catalog: " + ModelCatalog.names() + ")");
            }
            return checkpoint;
        }

        LabelMap labelMap() {
            if (labelNames != null) {
                return LabelMap.of(labelNames);
            }
            if (!checkpoint.labels().isEmpty()) {
                return LabelMap.of(checkpoint.labels());
            }
            throw new IllegalStateException("Give the class names, e.g. .labels(\"negative\", \"positive\")");
        }

        BertConfig config() {
            return encoderDropout == null ? checkpoint().config() : checkpoint.config().withDropout(encoderDropout,
                    encoderDropout);
        }

        /** Initialises the classifier on {@code manager} and fills in the pretrained (and head) weights. */
        <C extends EncoderClassifier> C finish(C classifier, NDManager manager) {
            Checkpoint checkpoint = randomWeightsSeed == null ? checkpoint()
                    : checkpoint().withRandomWeights(randomWeightsSeed);
            String saved = checkpoint.headKind();
            if (saved != null && saved.startsWith("BertFor") && !saved.equals(classifier.architecture())) {
                throw new IllegalArgumentException(checkpoint.name() + " holds a " + saved + " head, which a "
                        + classifier.getClass().getSimpleName() + " cannot use: load it with the classifier it"
                        + " was saved from (" + (saved.equals("BertForTokenClassification")
                                ? "TokenClassifier" : "SequenceClassifier") + ")");
            }
            classifier.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes());
            classifier.encoder().loadWeights(checkpoint.weights(), checkpoint.name());
            boolean sameHead = !checkpoint.head().isEmpty() && checkpoint.labels().equals(classifier.labels().names());
            if (sameHead) {
                classifier.headSlots().copyIn(checkpoint.head(), checkpoint.name());
            } else {
                if (!checkpoint.head().isEmpty()) {
                    System.err.println(replacedHeadNote(checkpoint.name(), checkpoint.labels(),
                            classifier.labels().names()));
                }
                initRandomly(classifier.headSlots(), seed, "head initialisation");
            }
            WeightSlots pooler = classifier.poolerSlots();
            if (checkpoint.weights().keySet().containsAll(pooler.asMap().keySet())) {
                pooler.copyIn(checkpoint.weights(), checkpoint.name()); // a hub checkpoint's pretrained pooler
            } else {
                initRandomly(pooler, seed + 1, "pooler initialisation");
            }
            return classifier;
        }
    }
}
