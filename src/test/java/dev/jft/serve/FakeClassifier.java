package dev.jft.serve;

import dev.jft.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in model: "positive" when a text contains "good", with a probability from the text's
 * length; records every batch it gets, and can be held (each call waits for {@link #release()}).
 */
final class FakeClassifier implements BatchClassifier {

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    final CountDownLatch entered = new CountDownLatch(1);

    /** Calls from now on wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public List<ServedPrediction> classify(List<String> texts) {
        entered.countDown();
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batchSizes.add(texts.size());
        List<ServedPrediction> out = new ArrayList<>();
        for (String text : texts) {
            float p = text.contains("good") ? 0.9f : 0.2f;
            int best = p > 0.5f ? 1 : 0;
            out.add(new ServedPrediction(new Prediction(best == 1 ? "positive" : "negative", best,
                    new float[] {1 - p, p}, List.of("negative", "positive")), text.length() > 20));
        }
        return out;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("fake", List.of("negative", "positive"), 16, "0123456789ab");
    }
}
