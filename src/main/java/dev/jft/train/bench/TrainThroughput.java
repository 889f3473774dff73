package dev.jft.train.bench;

import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.train.BatchSource;
import dev.jft.train.FineTuner;
import java.util.List;

/**
 * Full fine-tuning speed (forward, backward, AdamW update) over real sentences with one padding
 * strategy: {@link Padding#FIXED} pads every batch to the maximum length, {@link Padding#DYNAMIC}
 * pads each batch only to its longest sentence, with length bucketing so batch-mates are alike.
 *
 * <pre>{@code
 * double fixed = TrainThroughput.examplesPerSecond(classifier, texts, labels, Padding.FIXED, options);
 * }</pre>
 */
public final class TrainThroughput {

    private TrainThroughput() {}

    /** Training examples per second of one epoch over {@code texts}, after warm-up steps. */
    public static double examplesPerSecond(SequenceClassifier classifier, List<String> texts, int[] labels,
            Padding padding, BenchmarkOptions options) throws Exception {
        try (TextTokenizer tokenizer = classifier.tokenizer(BenchmarkOptions.MAX_TOKENS, padding)) {
            BatchSource source = padding == Padding.DYNAMIC
                    ? BatchSource.lengthBucketed(tokenizer, texts, labels, BenchmarkOptions.BATCH)
                    : BatchSource.shuffled(SentimentSample.batches(tokenizer, texts, labels, BenchmarkOptions.BATCH));
            BatchSource warmupBatches = BatchSource.fixed(source.batches(0, 1).subList(0, 1));
            double seconds = Timing.seconds(options.warmup(), () -> epoch(classifier, warmupBatches),
                    () -> epoch(classifier, source));
            return texts.size() / seconds;
        }
    }

    private static void epoch(SequenceClassifier classifier, BatchSource source) {
        try (FineTuner tuner = FineTuner.builder().model(classifier).trainData(source).epochs(1).learningRate(1e-5)
                .progress(false).build()) {
            tuner.fit();
        }
    }
}
