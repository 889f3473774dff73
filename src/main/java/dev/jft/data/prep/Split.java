package dev.jft.data.prep;

import java.util.List;

/**
 * Train, validation and test parts of a data set.
 *
 * <pre>{@code
 * Split<Sentence> split = StratifiedSplit.by(Sentence::label).seed(42).split(sentences);
 * split.train().size();   // 2400 of 3000
 * }</pre>
 */
public record Split<T>(List<T> train, List<T> validation, List<T> test) {

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.size() + ", validation=" + validation.size() + ", test=" + test.size() + "]";
    }
}
