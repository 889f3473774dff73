package dev.jft.quiz.bank;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * A question's key as the learner release holds it: no answer, only what lets a learner's own answer
 * be recognised. Each accepted answer, in its canonical form, is stretched with PBKDF2 (salted with
 * the question id and {@code salt}) into a public tag, which the answer is compared by, and a secret
 * key, which opens {@code key} of its lock: the content key that opens the sealed {@code explanations}.
 * So the explanations open only for a right answer, and reading the file shows neither the answer nor
 * the explanations.
 *
 * <p>Numeric questions are keyed by cells of width {@code grid} on the number line: the locks are the
 * cells wholly inside the accepted range, {@code edgeTags} the (at most two) cells it cuts, where the
 * feedback cannot tell and says the grader decides. Other kinds have {@code grid} 0 and no edge tags.
 *
 * <p>What this does not do: keep a learner from trying answers. A choice question has a handful of
 * possible answers and a numeric one a range of cells; trying them all finds the key (the stretching
 * only makes each try cost milliseconds). Grades are trustworthy because the instructor's grader
 * re-checks every answer against the instructor's bank, not because of this.
 *
 * <pre>{@code
 * question.sealed().ifPresent(key -> System.out.println(key.locks().size() + " accepted answers"));
 * }</pre>
 */
public record SealedKey(String salt, int iterations, double grid, List<Lock> locks, List<String> edgeTags,
                        String explanations) {

    /** Field names in a learner bank file. */
    static final String SALT = "salt", ITERATIONS = "iterations", GRID = "grid", LOCKS = "locks", TAG = "tag",
            KEY = "key", EDGE = "edge", EXPLANATIONS = "explanations";

    /** One accepted answer: its public tag, and the content key sealed with the secret only that answer gives. */
    public record Lock(String tag, String key) {}

    public SealedKey {
        locks = List.copyOf(locks);
        edgeTags = List.copyOf(edgeTags);
    }

    /** The {@code "sealed"} object of a learner bank, as {@link QuizBankParser} reads it back. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty(SALT, salt);
        json.addProperty(ITERATIONS, iterations);
        if (grid > 0) {
            json.addProperty(GRID, grid);
        }
        JsonArray lockArray = new JsonArray();
        for (Lock lock : locks) {
            JsonObject entry = new JsonObject();
            entry.addProperty(TAG, lock.tag());
            entry.addProperty(KEY, lock.key());
            lockArray.add(entry);
        }
        json.add(LOCKS, lockArray);
        if (!edgeTags.isEmpty()) {
            JsonArray edge = new JsonArray();
            edgeTags.forEach(edge::add);
            json.add(EDGE, edge);
        }
        json.addProperty(EXPLANATIONS, explanations);
        return json;
    }
}
