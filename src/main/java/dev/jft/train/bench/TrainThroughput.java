package dev.jft.train.bench;

import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.BatchSource;
import dev.jft.train.FineTuner;
import java.util.ArrayList;
import java.util.List;

/**
 * Full fine-tuning speed (forward, backward, AdamW update) over real sentences with the two
 * padding strategies: {@link Padding#FIXED} pads every batch to the maximum length;
 * {@link Padding#DYNAMIC} pads each batch only to its longest sentence, with length bucketing so
 * that batch-mates are alike. Both train on the same sentences, already tokenized, in alternating
 * parts so that both see the same machine load.
 *
 * <pre>{@code
 * TrainThroughput.Speeds speeds = TrainThroughput.compare(classifier, texts, labels, options);
 * speeds.dynamic() / speeds.fixed();
 * }</pre>
 */
public final class TrainThroughput {

    /** Training examples per second with each padding. */
    public record Speeds(double fixed, double dynamic) {}

    private static final int PARTS = 4;
    private static final long SEED = 1;

    private TrainThroughput() {}

    /** Trains one epoch over {@code texts} with each padding, after warm-up steps. */
    public static Speeds compare(SequenceClassifier classifier, List<String> texts, int[] labels,
            BenchmarkOptions options) throws Exception {
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
        }
        List<List<TokenBatch>> fixedParts = parts(fixed);
        List<List<TokenBatch>> dynamicParts = parts(dynamic);
        int[] next = {0, 0};
        double[] seconds = Timing.inTurns(0, fixedParts.size(),
                () -> train(classifier, fixedParts.get(next[0]++)),
                () -> train(classifier, dynamicParts.get(next[1]++)));
        return new Speeds(texts.size() / seconds[0], texts.size() / seconds[1]);
    }

    private static List<List<TokenBatch>> parts(List<TokenBatch> batches) {
        int size = Math.max(1, (batches.size() + PARTS - 1) / PARTS);
        List<List<TokenBatch>> parts = new ArrayList<>();
        for (int start = 0; start < batches.size(); start += size) {
            parts.add(batches.subList(start, Math.min(batches.size(), start + size)));
        }
        return parts;
    }

    private static void train(SequenceClassifier classifier, List<TokenBatch> batches) {
        try (FineTuner tuner = FineTuner.builder().model(classifier).trainData(BatchSource.fixed(batches)).epochs(1)
                .learningRate(1e-5).progress(false).build()) {
            tuner.fit();
        }
    }
}
