package dev.jft.quiz.solutions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Reference and known-wrong solutions for lesson 03-preparing-data. They live in the test tree so
 * they never reach a notebook or the course jar; the proof tests grade them.
 */
public final class PreparingSolutions {

    private PreparingSolutions() {}

    /** Groups rows by label, shuffles each group with one seeded Random, cuts it 80/10/10. */
    public static final BiFunction<List<String>, Long, List<List<Integer>>> STRATIFIED_SPLIT = (labels, seed) -> {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int row = 0; row < labels.size(); row++) {
            byLabel.computeIfAbsent(labels.get(row), k -> new ArrayList<>()).add(row);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> rows : byLabel.values()) {
            Collections.shuffle(rows, random);
            int n = rows.size();
            int trainEnd = (int) Math.round(n * 0.8);
            int validationEnd = trainEnd + (int) Math.round(n * 0.1);
            train.addAll(rows.subList(0, trainEnd));
            validation.addAll(rows.subList(trainEnd, validationEnd));
            test.addAll(rows.subList(validationEnd, n));
        }
        return List.of(train, validation, test);
    };

    /** A usual mistake: one shuffle of all rows cut 80/10/10, so class shares drift between the parts. */
    public static final BiFunction<List<String>, Long, List<List<Integer>>> NAIVE_SPLIT = (labels, seed) -> {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < labels.size(); row++) {
            rows.add(row);
        }
        Collections.shuffle(rows, new Random(seed));
        int n = rows.size();
        int trainEnd = (int) Math.round(n * 0.8);
        int validationEnd = trainEnd + (int) Math.round(n * 0.1);
        return List.of(new ArrayList<>(rows.subList(0, trainEnd)), new ArrayList<>(rows.subList(trainEnd, validationEnd)),
                new ArrayList<>(rows.subList(validationEnd, n)));
    };

    /** The four rules, in order. */
    public static final UnaryOperator<String> CLEAN_TEXT = text -> text
            .replaceAll("<[A-Za-z/!][^>]*>", " ")
            .replaceAll("https?://\\S+", "[URL]")
            .replaceAll("(?s)(.)\\1{3,}", "$1$1$1")
            .replaceAll("\\s+", " ")
            .strip();

    /** A usual mistake: lower-casing "to be safe" before applying the rules. */
    public static final UnaryOperator<String> CLEAN_TEXT_LOWER_CASED =
            text -> CLEAN_TEXT.apply(text.toLowerCase(Locale.ROOT));
}
