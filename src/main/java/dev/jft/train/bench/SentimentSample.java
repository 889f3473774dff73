package dev.jft.train.bench;

import dev.jft.data.Sentence;
import dev.jft.data.SentimentData;
import dev.jft.data.prep.Split;
import dev.jft.data.prep.StratifiedSplit;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A small stratified sample of the UCI sentiment sentences (both labels equally represented in
 * train and validation), with labels as class indices (0 negative, 1 positive).
 *
 * <pre>{@code
 * SentimentSample sample = SentimentSample.stratified(320, 160, 42);
 * List<TokenBatch> validation = SentimentSample.batches(tokenizer, sample.validationTexts(),
 *         sample.validationLabels(), 16);
 * }</pre>
 *
 * @param trainTexts training sentences
 * @param trainLabels their class indices
 * @param validationTexts validation sentences (disjoint from the training ones)
 * @param validationLabels their class indices
 */
public record SentimentSample(List<String> trainTexts, int[] trainLabels, List<String> validationTexts,
        int[] validationLabels) {

    /** The label names in class-index order. */
    public static final List<String> LABELS = SentimentData.LABELS.labels();

    /**
     * About {@code train} training and {@code validation} validation sentences (rounded per label),
     * drawn with {@code seed}; fetches the data set on first use.
     */
    public static SentimentSample stratified(int train, int validation, long seed) {
        List<Sentence> all = SentimentData.load().records();
        if (train < 2 || validation < 2 || train + validation > all.size()) {
            throw new IllegalArgumentException("Ask for at least 2 training and 2 validation sentences and at most "
                    + all.size() + " in all, got " + train + " + " + validation);
        }
        double trainShare = (double) train / all.size();
        double validationShare = (double) validation / all.size();
        Split<Sentence> split = StratifiedSplit.by(Sentence::label)
                .ratios(trainShare, validationShare, 1 - trainShare - validationShare)
                .seed(seed)
                .split(all);
        return new SentimentSample(texts(split.train()), labels(split.train()), texts(split.validation()),
                labels(split.validation()));
    }

    /** The texts cut in order into batches of {@code batchSize}, encoded with their labels. */
    public static List<TokenBatch> batches(TextTokenizer tokenizer, List<String> texts, int[] labels, int batchSize) {
        return tokenizer.batches(texts, labels, batchSize);
    }

    private static List<String> texts(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).toList();
    }

    private static int[] labels(List<Sentence> sentences) {
        return sentences.stream().mapToInt(s -> LABELS.indexOf(s.label())).toArray();
    }
}
