package dev.jft.data.prep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Splits records into train, validation and test so that every label keeps its share in each
 * part (important for imbalanced data such as spam). Shuffling uses a seed: the same seed and
 * input give the same split.
 *
 * <pre>{@code
 * Split<Email> split = StratifiedSplit.by(Email::label).ratios(0.8, 0.1, 0.1).seed(7).split(emails);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class StratifiedSplit<T> {

    private final Function<T, String> label;
    private final double train;
    private final double validation;
    private final long seed;

    private StratifiedSplit(Function<T, String> label, double train, double validation, long seed) {
        this.label = label;
        this.train = train;
        this.validation = validation;
        this.seed = seed;
    }

    /** Stratifies by the label the function returns; default ratios 80/10/10, seed 42. */
    public static <T> StratifiedSplit<T> by(Function<T, String> label) {
        return new StratifiedSplit<>(label, 0.8, 0.1, 42);
    }

    /**
     * Sets the ratios.
     *
     * @throws IllegalArgumentException when a ratio is negative or they do not sum to 1
     */
    public StratifiedSplit<T> ratios(double train, double validation, double test) {
        if (train < 0 || validation < 0 || test < 0 || Math.abs(train + validation + test - 1) > 1e-9) {
            throw new IllegalArgumentException("Ratios must be >= 0 and sum to 1, got " + train + " + " + validation
                    + " + " + test + " = " + (train + validation + test));
        }
        return new StratifiedSplit<>(label, train, validation, seed);
    }

    /** Sets the shuffling seed. */
    public StratifiedSplit<T> seed(long seed) {
        return new StratifiedSplit<>(label, train, validation, seed);
    }

    /** Splits; within each label the shuffled records are cut at the rounded ratios. */
    public Split<T> split(List<T> records) {
        Map<String, List<T>> byLabel = new LinkedHashMap<>();
        records.forEach(r -> byLabel.computeIfAbsent(label.apply(r), k -> new ArrayList<>()).add(r));
        Random random = new Random(seed);
        List<T> trainPart = new ArrayList<>();
        List<T> validationPart = new ArrayList<>();
        List<T> testPart = new ArrayList<>();
        for (List<T> group : byLabel.values()) {
            Collections.shuffle(group, random);
            int n = group.size();
            int trainEnd = (int) Math.round(n * train);
            int validationEnd = Math.min(n, trainEnd + (int) Math.round(n * validation));
            trainPart.addAll(group.subList(0, trainEnd));
            validationPart.addAll(group.subList(trainEnd, validationEnd));
            testPart.addAll(group.subList(validationEnd, n));
        }
        // Labels were appended one after another: shuffle so batches mix labels.
        Collections.shuffle(trainPart, random);
        Collections.shuffle(validationPart, random);
        Collections.shuffle(testPart, random);
        return new Split<>(trainPart, validationPart, testPart);
    }
}
