package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backward must not depend on Java memory freed after the forward pass. DJL wraps Java buffers
 * (e.g. the scalar of {@code div(Number)}) without copying; if autograd keeps such a tensor for
 * backward, a garbage collection between forward and backward hands its memory to someone else and
 * the gradients turn into garbage (seen as NaN losses a few fine-tuning steps in, on busy machines).
 */
class AttentionGradientTest {

    private static final BertConfig CONFIG = TinyBert.CONFIG.withDropout(0, 0);
    private static final int LAYERS = 8;

    @Test
    void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            List<BertLayer> layers = new ArrayList<>();
            Shape hidden = new Shape(2, 5, CONFIG.hiddenSize());
            for (int i = 0; i < LAYERS; i++) {
                BertLayer layer = new BertLayer(CONFIG);
                layer.initialize(manager, DataType.FLOAT32, hidden, new Shape(2, 1, 1, 5));
                layers.add(layer);
            }
            NDArray input = manager.randomNormal(hidden);
            NDArray mask = manager.create(new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});

            Map<String, float[]> undisturbed = gradients(layers, input, mask, manager, false);
            Map<String, float[]> afterGc = gradients(layers, input, mask, manager, true);

            undisturbed.forEach((name, expected) -> assertArrayEquals(expected, afterGc.get(name), 1e-6f, name));
        }
    }

    /** Forward and backward through all layers; optionally collects garbage and reuses memory in between. */
    private static Map<String, float[]> gradients(List<BertLayer> layers, NDArray input, NDArray mask,
            NDManager manager, boolean disturb) throws InterruptedException {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(step, false);
            NDArray x = input;
            NDArray maskBias = BertEncoder.additiveMask(mask);
            for (BertLayer layer : layers) {
                x = layer.forward(store, new NDList(x, maskBias), true).head();
            }
            NDArray loss = x.square().sum();
            if (disturb) {
                freeAndReuseDirectMemory();
            }
            collector.backward(loss);
            for (int i = 0; i < layers.size(); i++) {
                for (Pair<String, Parameter> p : layers.get(i).getParameters()) {
                    NDArray gradient = p.getValue().getArray().getGradient();
                    gradient.attach(step);
                    gradients.put("layer " + i + " " + p.getKey(), gradient.toFloatArray());
                    gradient.set(new NDIndex("..."), 0); // gradients add up across backward passes
                }
            }
        }
        return gradients;
    }

    /** Lets the collector free unreachable direct buffers, then takes small blocks back filled with NaN. */
    private static void freeAndReuseDirectMemory() throws InterruptedException {
        for (int i = 0; i < 2_000; i++) {
            ByteBuffer.allocateDirect(8); // garbage, so the cleaner frees many small blocks at once
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
        List<ByteBuffer> reused = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8);
            buffer.putFloat(0, Float.NaN).putFloat(4, Float.NaN);
            reused.add(buffer);
        }
    }
}
