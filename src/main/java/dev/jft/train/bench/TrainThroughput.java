package dev.jft.train.bench;

import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.BatchSource;
import dev.jft.train.FineTuner;
import dev.jft.train.StepTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * Full fine-tuning speed (forward, backward, AdamW update) over real sentences with the two
 * padding strategies: {@link Padding#FIXED} pads every batch to the maximum length;
 * {@link Padding#DYNAMIC} pads each batch only to its longest sentence, with length bucketing so
 * that batch-mates are alike. Both train on the same sentences, already tokenized, in alternating
 * parts so that both see the same machine load; a peer (the PyTorch eager reference) takes its
 * turn after each pair of parts, training as many steps at the fixed shapes.
 *
 * <pre>{@code
 * TrainThroughput.Speeds speeds = TrainThroughput.compare(classifier, texts, labels, options, reference::secondsFor);
 * speeds.fixed() / speeds.peer();
 * }</pre>
 */
public final class TrainThroughput {

    /** Another implementation timing its own training steps at the same fixed shapes. */
    @FunctionalInterface
    public interface Peer {
        /** Trains {@code steps} steps of batch {@link BenchmarkOptions#BATCH} and returns their seconds. */
        double secondsFor(int steps) throws Exception;
    }

    /**
     * Training examples per second with each padding and of the peer, and where the time of our
     * fixed-shape steps went.
     */
    public record Speeds(double fixed, double dynamic, double peer, StepTimes fixedSteps) {}

    private static final int PARTS = 4;
    private static final long SEED = 1;

    private TrainThroughput() {}

    /** Trains one epoch over {@code texts} with each padding (and the peer as many steps), after warm-up steps. */
    public static Speeds compare(SequenceClassifier classifier, List<String> texts, int[] labels,
            BenchmarkOptions options, Peer peer) throws Exception {
        List<TokenBatch> fixed;
        List<TokenBatch> dynamic;
        try (TextTokenizer fixedTokenizer = classifier.tokenizer(BenchmarkOptions.MAX_TOKENS, Padding.FIXED);
                TextTokenizer dynamicTokenizer = classifier.tokenizer(BenchmarkOptions.MAX_TOKENS, Padding.DYNAMIC)) {
            fixed = SentimentSample.batches(fixedTokenizer, texts, labels, BenchmarkOptions.BATCH);
            dynamic = BatchSource.lengthBucketed(dynamicTokenizer, texts, labels, BenchmarkOptions.BATCH)
                    .batches(0, SEED);
        }
        for (int i = 0; i < options.warmup(); i++) {
            train(classifier, fixed.subList(0, 1));
            train(classifier, dynamic.subList(0, 1));
            peer.secondsFor(1);
        }
        List<List<TokenBatch>> fixedParts = parts(fixed);
        List<List<TokenBatch>> dynamicParts = parts(dynamic);
        int[] next = {0, 0, 0};
        StepTimes[] fixedSteps = {new StepTimes()};
        double[] peerSeconds = {0};
        int[] peerSteps = {0};
        double[] seconds = Timing.inTurns(0, fixedParts.size(),
                () -> fixedSteps[0] = fixedSteps[0].plus(train(classifier, fixedParts.get(next[0]++))),
                () -> train(classifier, dynamicParts.get(next[1]++)),
                () -> {
                    int steps = fixedParts.get(next[2]++).size();
                    peerSeconds[0] += peer.secondsFor(steps); // its own clock: no pipe or process overhead
                    peerSteps[0] += steps;
                });
        return new Speeds(texts.size() / seconds[0], texts.size() / seconds[1],
                peerSteps[0] * (double) BenchmarkOptions.BATCH / peerSeconds[0], fixedSteps[0]);
    }

    private static List<List<TokenBatch>> parts(List<TokenBatch> batches) {
        int size = Math.max(1, (batches.size() + PARTS - 1) / PARTS);
        List<List<TokenBatch>> parts = new ArrayList<>();
        for (int start = 0; start < batches.size(); start += size) {
            parts.add(batches.subList(start, Math.min(batches.size(), start + size)));
        }
        return parts;
    }

    private static StepTimes train(SequenceClassifier classifier, List<TokenBatch> batches) {
        try (FineTuner tuner = FineTuner.builder().model(classifier).trainData(BatchSource.fixed(batches)).epochs(1)
                .learningRate(1e-5).progress(false).build()) {
            tuner.fit();
            return tuner.stepTimes();
        }
    }
}
