package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.jft.text.TokenBatch;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Heads on the tiny random BERT: shapes, seeding, pooling, freezing. */
class ClassifierTest {

    private static final Checkpoint TINY = TinyBert.checkpoint();
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private SequenceClassifier sequence(Pooling pooling, long seed) {
        return SequenceClassifier.builder().encoder(TINY).labels("a", "b", "c").pooling(pooling).seed(seed)
                .build(manager);
    }

    private float[] logits(EncoderClassifier model, TokenBatch batch, Shape expected) {
        try (NDManager step = manager.newSubManager()) {
            var out = model.forward(new ParameterStore(step, false), batch.inputs(step), false).head();
            assertEquals(expected, out.getShape());
            return out.toFloatArray();
        }
    }

    @Test
    void sequenceLogitsAreBatchByLabels() {
        logits(sequence(Pooling.CLS, 1), TinyBert.batch(), new Shape(2, 3));
    }

    @Test
    void tokenLogitsAreBatchByLengthByLabels() {
        TokenClassifier tagger = TokenClassifier.builder().encoder(TINY).labels("O", "B", "I").build(manager);
        logits(tagger, TinyBert.batch(), new Shape(2, 5, 3));
    }

    @Test
    void headInitialisationIsSeeded() {
        float[] first = sequence(Pooling.CLS, 7).checkpoint("x").head().get("classifier.weight").data();
        float[] again = sequence(Pooling.CLS, 7).checkpoint("x").head().get("classifier.weight").data();
        float[] other = sequence(Pooling.CLS, 8).checkpoint("x").head().get("classifier.weight").data();
        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    @Test
    void meanPoolingIgnoresPadding() {
        SequenceClassifier model = sequence(Pooling.MEAN, 1);
        float[] padded = logits(model, TinyBert.batch(), new Shape(2, 3));
        TokenBatch alone = new TokenBatch(new long[][] {{2, 5, 3}}, new long[][] {{1, 1, 1}}, new long[1][3], null, null);
        float[] unpadded = logits(model, alone, new Shape(1, 3));
        assertArrayEquals(unpadded, java.util.Arrays.copyOfRange(padded, 3, 6), 1e-5f);
    }

    @Test
    void poolerIsTanhOfDenseOnTheClsVector() {
        SequenceClassifier model = sequence(Pooling.POOLER, 1);
        Checkpoint saved = model.checkpoint("x");
        float[] logits = logits(model, TinyBert.batch(), new Shape(2, 3));
        try (NDManager step = manager.newSubManager()) {
            var hidden = model.encoder().forward(new ParameterStore(step, false), TinyBert.batch().inputs(step), false)
                    .head();
            var cls = hidden.get(new ai.djl.ndarray.index.NDIndex(":, 0, :"));
            var pooled = cls.matMul(array(step, saved.weights().get("pooler.dense.weight")).transpose())
                    .add(array(step, saved.weights().get("pooler.dense.bias"))).tanh();
            var expected = pooled.matMul(array(step, saved.head().get("classifier.weight")).transpose())
                    .add(array(step, saved.head().get("classifier.bias")));
            assertArrayEquals(expected.toFloatArray(), logits, 1e-5f);
        }
        assertTrue(model.modelParameters().stream().anyMatch(p -> p.name().equals("pooler.dense.weight") && p.head()));
        assertEquals(model.getParameters().size(), model.modelParameters().size());
    }

    private static ai.djl.ndarray.NDArray array(NDManager manager, FloatTensor tensor) {
        return manager.create(tensor.data(), new Shape(tensor.shape()));
    }

    @Test
    void parametersAreGroupedForTheTrainer() {
        SequenceClassifier model = sequence(Pooling.CLS, 1);
        List<ModelParameter> params = model.modelParameters();
        // 5 embedding tensors + 2 layers x 12 parameters (fused qkv) + 2 head tensors: every DJL parameter
        assertEquals(5 + 2 * 12 + 2, params.size());
        assertEquals(model.getParameters().size(), params.size());
        ModelParameter qkv = params.stream().filter(p -> p.name().equals("encoder.layer.1.attention.self.qkv.weight"))
                .findFirst().orElseThrow();
        assertEquals(2, qkv.layer());
        assertFalse(qkv.noWeightDecay());
        assertEquals(new Shape(24, 8), qkv.parameter().getArray().getShape());
        assertTrue(params.stream().filter(p -> p.name().contains("LayerNorm") || p.name().endsWith("bias"))
                .allMatch(ModelParameter::noWeightDecay));
        assertEquals(List.of("classifier.weight", "classifier.bias"),
                params.stream().filter(ModelParameter::head).map(ModelParameter::name).collect(Collectors.toList()));
        assertTrue(params.stream().filter(ModelParameter::head).allMatch(p -> p.layer() == 3));
    }

    @Test
    void gradualUnfreezingStartsFromTheTop() {
        SequenceClassifier model = sequence(Pooling.CLS, 1);
        model.freezeEncoder();
        assertTrue(model.modelParameters().stream().allMatch(p -> p.head() == p.parameter().requiresGradient()));
        model.unfreezeTopLayers(1);
        for (ModelParameter p : model.modelParameters()) {
            assertEquals(p.layer() >= 2, p.parameter().requiresGradient(), p.name());
        }
        model.unfreezeTopLayers(3);
        assertTrue(model.modelParameters().stream().allMatch(p -> p.parameter().requiresGradient()));
    }

    @Test
    void gradientsReachEncoderAndHeadInTraining() {
        SequenceClassifier model = sequence(Pooling.CLS, 1);
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            var logits = model.forward(new ParameterStore(step, false), TinyBert.batch().inputs(step), true).head();
            collector.backward(logits.square().sum());
            for (ModelParameter p : model.modelParameters()) {
                assertTrue(p.parameter().getArray().getGradient().abs().sum().getFloat() > 0, p.name());
            }
        }
    }

    @Test
    void initialisingAgainKeepsTheLoadedWeights() {
        SequenceClassifier model = sequence(Pooling.CLS, 1);
        float[] before = model.encoder().weights().get("encoder.layer.0.output.dense.weight").data();
        model.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, BertEncoder.inputShapes()); // as Trainer.initialize does
        assertArrayEquals(before, model.encoder().weights().get("encoder.layer.0.output.dense.weight").data());
    }

    @Test
    void builderErrorsSayWhatIsMissing() {
        IllegalStateException noEncoder = assertThrows(IllegalStateException.class,
                () -> SequenceClassifier.builder().labels("a", "b").build(manager));
        assertTrue(noEncoder.getMessage().contains("all-MiniLM-L6-v2"), noEncoder.getMessage());
        IllegalStateException noLabels = assertThrows(IllegalStateException.class,
                () -> SequenceClassifier.builder().encoder(TINY).build(manager));
        assertTrue(noLabels.getMessage().contains(".labels("), noLabels.getMessage());
    }

    @Test
    void labelOutsideTheSetNamesTheRow() {
        LabelMap labels = LabelMap.of("negative", "positive");
        assertArrayEquals(new int[] {1, 0}, labels.indices(List.of("positive", "negative")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> labels.indices(List.of("positive", "neutral")));
        assertTrue(e.getMessage().contains("Row 1") && e.getMessage().contains("neutral"), e.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> labels.check(new int[] {0, 1, 2}));
        assertTrue(range.getMessage().contains("Row 2"), range.getMessage());
    }
}
