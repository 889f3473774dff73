package dev.jft.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class names of a classifier, in class-index order.
 *
 * <pre>{@code
 * LabelMap labels = LabelMap.of("negative", "positive");
 * int[] targets = labels.indices(List.of("positive", "negative")); // [1, 0]
 * labels.name(1);                                                  // "positive"
 * }</pre>
 */
public final class LabelMap {

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    private LabelMap(List<String> names) {
        if (names.size() < 2) {
            throw new IllegalArgumentException("A classifier needs at least 2 labels, got " + names);
        }
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("Label \"" + names.get(i) + "\" appears twice in " + names);
            }
        }
    }

    public static LabelMap of(String... names) {
        return new LabelMap(List.of(names));
    }

    public static LabelMap of(List<String> names) {
        return new LabelMap(names);
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public String name(int classIndex) {
        return names.get(classIndex);
    }

    /** Class index of each row's label; a label outside the set fails naming the row. */
    public int[] indices(List<String> rowLabels) {
        int[] out = new int[rowLabels.size()];
        for (int row = 0; row < out.length; row++) {
            Integer i = index.get(rowLabels.get(row));
            if (i == null) {
                throw new IllegalArgumentException("Row " + row + ": label \"" + rowLabels.get(row)
                        + "\" is not one of " + names);
            }
            out[row] = i;
        }
        return out;
    }

    /** Checks class indices are in range; fails naming the first bad row. */
    public int[] check(int[] classIndices) {
        for (int row = 0; row < classIndices.length; row++) {
            if (classIndices[row] < 0 || classIndices[row] >= names.size()) {
                throw new IllegalArgumentException("Row " + row + ": class " + classIndices[row]
                        + " is outside 0.." + (names.size() - 1) + " " + names);
            }
        }
        return classIndices;
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
