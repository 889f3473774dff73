package dev.jft.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels a data set declares. Loaders collect every label outside the set, with where it
 * first occurred, and fail once with the full list, so a learner fixes them all in one go.
 *
 * <pre>{@code
 * LabelSet labels = LabelSet.of("negative", "positive");
 * LabelSet.Check check = labels.check();
 * check.accept("postive", "line 7");
 * check.throwIfUnknown(file);   // reviews.csv: labels outside [negative, positive]: "postive" (first at line 7)
 * }</pre>
 */
public final class LabelSet {

    private final Set<String> labels;

    private LabelSet(Set<String> labels) {
        this.labels = labels;
    }

    /** The declared labels, in this order. */
    public static LabelSet of(String... labels) {
        return new LabelSet(new LinkedHashSet<>(List.of(labels)));
    }

    /** The declared labels, in this order. */
    public static LabelSet of(List<String> labels) {
        return new LabelSet(new LinkedHashSet<>(labels));
    }

    public boolean contains(String label) {
        return labels.contains(label);
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    /** Starts collecting the labels of one file. */
    public Check check() {
        return new Check();
    }

    /** Collects labels outside the set while a file is read. */
    public final class Check {
        private final Map<String, String> unknown = new LinkedHashMap<>();

        /** @return true when the label is declared */
        public boolean accept(String label, String where) {
            if (labels.contains(label)) {
                return true;
            }
            unknown.putIfAbsent(label, where);
            return false;
        }

        /** @throws DataFormatException listing every label outside the set with its first place */
        public void throwIfUnknown(Path file) {
            if (unknown.isEmpty()) {
                return;
            }
            StringBuilder list = new StringBuilder();
            unknown.forEach((label, where) -> list.append(list.length() == 0 ? "" : ", ")
                    .append('"').append(label).append("\" (first at ").append(where).append(')'));
            throw new DataFormatException(file, 0, "labels outside the declared set " + labels + ": " + list
                    + ". Fix the data or declare these labels.", (Throwable) null);
        }
    }

    @Override
    public String toString() {
        return labels.toString();
    }
}
