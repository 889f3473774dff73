package dev.jft.quiz.release;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.course.Json;
import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizBankParser;
import dev.jft.quiz.bank.QuizCatalog;
import java.util.List;
import java.util.Map;

/**
 * The learner release's copy of one bank file. It is written from a list of the fields a learner may
 * see, not by deleting the secret ones, so a field added to banks later stays out until it is added
 * here: banks keep lesson, title and policy; questions keep id, kind, prompt, points, policy and each
 * option's id and text, and get their key
 * sealed ({@link KeySealer}) in place of answer, tolerance and explanations; exercises keep everything
 * but their hidden test classes, which become a count of the tests withheld and their points.
 *
 * <pre>{@code
 * String learner = LearnerBank.of(Files.readString(bankFile), instructorCatalog, hiddenByExercise, 2_000);
 * }</pre>
 */
public final class LearnerBank {

    private static final List<String> BANK_FIELDS = List.of("lesson", "title", QuizBankParser.POLICY);
    private static final List<String> QUESTION_FIELDS = List.of("id", "kind", "prompt", "points", QuizBankParser.POLICY);
    private static final List<String> OPTION_FIELDS = List.of("id", "text");
    private static final List<String> EXERCISE_FIELDS = List.of("id", "title", "statement", "stub", "submit",
            "expects", "timeoutSeconds", QuizBankParser.POLICY);
    private static final Gson GSON = Json.builder().setPrettyPrinting().disableHtmlEscaping().create();

    private LearnerBank() {}

    /**
     * The learner form of the instructor's bank {@code json}, whose items {@code catalog} holds (parsed
     * and checked) and whose exercises' hidden tests are in {@code hidden} by exercise id.
     */
    public static String of(String json, QuizCatalog catalog, Map<String, HiddenTests> hidden, int iterations) {
        JsonObject bank = Json.parse(json).getAsJsonObject();
        JsonObject learner = copy(bank, BANK_FIELDS);
        JsonArray questions = new JsonArray();
        for (JsonElement element : bank.getAsJsonArray("questions")) {
            JsonObject source = element.getAsJsonObject();
            Question question = catalog.question(source.get("id").getAsString()).orElseThrow();
            JsonObject copy = copy(source, QUESTION_FIELDS);
            if (source.get("options") instanceof JsonArray options) {
                JsonArray kept = new JsonArray();
                options.forEach(option -> kept.add(copy(option.getAsJsonObject(), OPTION_FIELDS)));
                copy.add("options", kept);
            }
            copy.add(QuizBankParser.SEALED, KeySealer.seal(question, iterations).toJson());
            questions.add(copy);
        }
        learner.add("questions", questions);
        if (bank.get("exercises") instanceof JsonArray exercises) {
            JsonArray kept = new JsonArray();
            for (JsonElement element : exercises) {
                JsonObject source = element.getAsJsonObject();
                Exercise exercise = catalog.exercise(source.get("id").getAsString()).orElseThrow();
                kept.add(exercise(source, hidden.get(exercise.id())));
            }
            learner.add("exercises", kept);
        }
        return GSON.toJson(learner) + "\n";
    }

    private static JsonObject exercise(JsonObject source, HiddenTests hidden) {
        JsonObject copy = copy(source, EXERCISE_FIELDS);
        JsonArray tests = new JsonArray();
        hidden.visible().forEach(tests::add);
        copy.add("tests", tests);
        if (hidden.tests() > 0) {
            JsonObject withheld = new JsonObject();
            withheld.addProperty("tests", hidden.tests());
            withheld.addProperty("points", hidden.points());
            copy.add(QuizBankParser.WITHHELD, withheld);
        }
        return copy;
    }

    private static JsonObject copy(JsonObject source, List<String> fields) {
        JsonObject copy = new JsonObject();
        for (String field : fields) {
            if (source.has(field)) {
                copy.add(field, source.get(field)); // shared, not copied: the source is parsed here and never changed
            }
        }
        return copy;
    }
}
