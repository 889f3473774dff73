package dev.jft.quiz.bank;

import dev.jft.course.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one bank file ({@code quizzes/<lesson>/questions.json}) and checks it, collecting every
 * problem with its line instead of stopping at the first.
 *
 * <pre>{@code
 * QuizBankParser.Result result = QuizBankParser.parse("quizzes/00-welcome/questions.json", text);
 * result.problems().forEach(System.err::println);
 * }</pre>
 */
public final class QuizBankParser {

    /** What a file held: the bank (null when unreadable), its problems and where each id is. */
    public record Result(QuizBank bank, List<Problem> problems, List<IdSite> ids) {}

    /** Where an id of a question or exercise is declared. */
    public record IdSite(String id, String file, int line) {}

    private static final Pattern GSON_LINE = Pattern.compile("line (\\d+)");

    /** The field of a learner release's question that replaces its key (see {@link SealedKey}). */
    public static final String SEALED = "sealed";

    /** The field of a bank, question or exercise giving its {@link AttemptPolicy}. */
    public static final String POLICY = "policy";

    /** The field of a learner release's exercise counting the hidden tests it leaves out. */
    public static final String WITHHELD = "withheld";

    private final String file;
    private final SourceLines lines;
    private final List<Problem> problems = new ArrayList<>();
    private final List<IdSite> ids = new ArrayList<>();
    private String lesson = "";
    private AttemptPolicy lessonPolicy = AttemptPolicy.practice();
    private final Map<String, AttemptPolicy> policies = new LinkedHashMap<>();

    private QuizBankParser(String file, SourceLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Parses {@code json}, naming {@code file} in problems. */
    public static Result parse(String file, String json) {
        JsonElement root;
        try {
            root = Json.parse(json);
        } catch (JsonParseException e) {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            return new Result(null, List.of(new Problem(file, lineOf(detail), "not valid JSON: " + detail)), List.of());
        }
        QuizBankParser parser = new QuizBankParser(file, SourceLines.index(json));
        QuizBank bank = parser.bank(root);
        return new Result(bank, List.copyOf(parser.problems), List.copyOf(parser.ids));
    }

    private static int lineOf(String gsonMessage) {
        Matcher matcher = GSON_LINE.matcher(String.valueOf(gsonMessage));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private QuizBank bank(JsonElement root) {
        if (!root.isJsonObject()) {
            problem("$", "the file must hold one JSON object with \"lesson\", \"questions\" and \"exercises\"");
            return null;
        }
        JsonObject object = root.getAsJsonObject();
        lesson = text(object, "lesson", "$");
        String title = text(object, "title", "$");
        lessonPolicy = policy(object, "$", AttemptPolicy.practice());
        List<Question> questions = new ArrayList<>();
        JsonArray questionArray = array(object, "questions", "$", true);
        for (int i = 0; i < questionArray.size(); i++) {
            String path = "$.questions[" + i + "]";
            if (isObject(questionArray.get(i), path)) {
                question(questionArray.get(i).getAsJsonObject(), path, questions);
            }
        }
        List<Exercise> exercises = new ArrayList<>();
        JsonArray exerciseArray = array(object, "exercises", "$", false);
        for (int i = 0; i < exerciseArray.size(); i++) {
            String path = "$.exercises[" + i + "]";
            if (isObject(exerciseArray.get(i), path)) {
                exercises.add(exercise(exerciseArray.get(i).getAsJsonObject(), path));
            }
        }
        return new QuizBank(lesson, title, questions, exercises, policies);
    }

    private void question(JsonObject object, String path, List<Question> into) {
        String id = id(object, path);
        policies.put(id, policy(object, path, lessonPolicy));
        String kindName = text(object, "kind", path);
        QuestionKind kind = QuestionKind.fromFileName(kindName).orElse(null);
        if (kind == null) {
            if (!kindName.isEmpty()) {
                problem(path + ".kind", "question " + id + ": unknown kind \"" + kindName
                        + "\"; use multiple-choice, multiple-select, numeric or short-answer");
            }
            return;
        }
        String prompt = text(object, "prompt", path);
        int points = object.has("points") ? positiveInt(object, "points", path) : 1;
        Optional<SealedKey> sealed = object.has(SEALED) ? Optional.of(sealedKey(object, path, id, kind))
                : Optional.empty();
        List<Option> options = kind.hasOptions() ? options(object, path, id, sealed.isEmpty()) : List.of();
        List<String> correct = List.of();
        double numeric = Double.NaN;
        double tolerance = 0;
        List<String> accepted = List.of();
        String explanation = object.has("explanation") ? text(object, "explanation", path) : "";
        if (sealed.isPresent()) {
            if (object.has("answer") || object.has("explanation")) {
                problem(path, "question " + id + " holds both \"" + SEALED + "\" (a learner release) and its key or"
                        + " explanation (an instructor's bank): keep one");
            }
        } else {
            switch (kind) {
                case MULTIPLE_CHOICE, MULTIPLE_SELECT -> correct = keyedOptions(object, path, id, kind, options);
                case NUMERIC -> {
                    numeric = number(object, "answer", path, id);
                    tolerance = object.has("tolerance") ? number(object, "tolerance", path, id) : 0;
                    if (tolerance < 0) {
                        problem(path + ".tolerance", "question " + id + ": tolerance must be 0 or more");
                    }
                }
                case SHORT_ANSWER -> accepted = strings(object, "answer", path, id);
            }
            if (!kind.hasOptions() && explanation.isEmpty()) {
                problem(path, "question " + id + " has no \"explanation\" (shown after answering)");
            }
        }
        into.add(new Question(id, lesson, kind, prompt, points, options, correct, numeric, tolerance, accepted,
                explanation, sealed));
    }

    /** The {@code "sealed"} key of a learner release's question (see {@link SealedKey}). */
    private SealedKey sealedKey(JsonObject question, String questionPath, String id, QuestionKind kind) {
        String path = questionPath + "." + SEALED;
        if (!(question.get(SEALED) instanceof JsonObject object)) {
            problem(path, "question " + id + ": \"" + SEALED + "\" must be an object {...}");
            return new SealedKey("", 1, 0, List.of(), List.of(), "");
        }
        double grid = 0;
        if (kind == QuestionKind.NUMERIC) {
            grid = number(object, SealedKey.GRID, path, id);
            if (!(grid > 0)) {
                problem(path + "." + SealedKey.GRID, "question " + id + ": \"" + SealedKey.GRID + "\" must be above 0");
            }
        }
        List<SealedKey.Lock> locks = new ArrayList<>();
        JsonArray lockArray = array(object, SealedKey.LOCKS, path, true);
        for (int i = 0; i < lockArray.size(); i++) {
            String lockPath = path + "." + SealedKey.LOCKS + "[" + i + "]";
            if (isObject(lockArray.get(i), lockPath)) {
                JsonObject lock = lockArray.get(i).getAsJsonObject();
                locks.add(new SealedKey.Lock(text(lock, SealedKey.TAG, lockPath), text(lock, SealedKey.KEY, lockPath)));
            }
        }
        if (lockArray.size() == 0) {
            problem(path + "." + SealedKey.LOCKS, "question " + id + ": a sealed key needs at least one lock");
        }
        List<String> edge = object.has(SealedKey.EDGE) ? strings(object, SealedKey.EDGE, path, id) : List.of();
        return new SealedKey(text(object, SealedKey.SALT, path), positiveInt(object, SealedKey.ITERATIONS, path), grid,
                locks, edge, text(object, SealedKey.EXPLANATIONS, path));
    }

    private List<Option> options(JsonObject question, String path, String questionId, boolean explained) {
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonArray array = array(question, "options", path, true);
        for (int i = 0; i < array.size(); i++) {
            String optionPath = path + ".options[" + i + "]";
            if (!isObject(array.get(i), optionPath)) {
                continue;
            }
            JsonObject option = array.get(i).getAsJsonObject();
            String optionId = text(option, "id", optionPath);
            if (!optionId.isEmpty() && !seen.add(optionId.toUpperCase(Locale.ROOT))) {
                problem(optionPath, "question " + questionId + ": duplicate option id " + optionId);
            }
            String text = text(option, "text", optionPath);
            String explanation = option.has("explanation") ? text(option, "explanation", optionPath) : "";
            if (explanation.isEmpty() && explained) {
                problem(optionPath, "question " + questionId + ": option " + optionId + " has no explanation");
            }
            options.add(new Option(optionId, text, explanation));
        }
        if (array.size() < 2) {
            problem(path + ".options", "question " + questionId + " needs at least 2 options");
        }
        return options;
    }

    private List<String> keyedOptions(JsonObject object, String path, String id, QuestionKind kind,
                                      List<Option> options) {
        List<String> keyed = strings(object, "answer", path, id);
        if (kind == QuestionKind.MULTIPLE_CHOICE && keyed.size() > 1) {
            problem(path + ".answer", "question " + id + " is multiple choice but keys " + keyed.size()
                    + " answers; make it multiple-select or key one option");
        }
        for (String key : keyed) {
            if (options.stream().noneMatch(option -> option.id().equalsIgnoreCase(key))) {
                problem(path + ".answer", "question " + id + ": keyed answer " + key + " is not among the options "
                        + options.stream().map(Option::id).toList());
            }
        }
        return keyed;
    }

    private Exercise exercise(JsonObject object, String path) {
        String id = id(object, path);
        policies.put(id, policy(object, path, lessonPolicy));
        String title = text(object, "title", path);
        String statement = text(object, "statement", path);
        String stub = text(object, "stub", path);
        String submit = text(object, "submit", path);
        String expects = text(object, "expects", path);
        List<String> tests = strings(object, "tests", path, id);
        for (String test : tests) {
            if (!classExists(test)) {
                problem(path + ".tests", "exercise " + id + ": test class " + test + " is not on the classpath");
            }
        }
        if (!expects.isEmpty() && !classExists(expects)) {
            problem(path + ".expects", "exercise " + id + ": type " + expects + " is not on the classpath");
        }
        int timeout = object.has("timeoutSeconds") ? positiveInt(object, "timeoutSeconds", path) : 2;
        int withheldTests = 0;
        int withheldPoints = 0;
        if (object.get(WITHHELD) instanceof JsonObject withheld) {
            withheldTests = positiveInt(withheld, "tests", path + "." + WITHHELD);
            withheldPoints = positiveInt(withheld, "points", path + "." + WITHHELD);
        } else if (object.has(WITHHELD)) {
            problem(path + "." + WITHHELD, "exercise " + id + ": \"" + WITHHELD + "\" must be {\"tests\": n, \"points\": n}");
        }
        return new Exercise(id, lesson, title, statement, stub, submit, expects, tests, timeout, withheldTests,
                withheldPoints);
    }

    /** The {@code "policy"} of a bank or item at {@code path}; {@code inherited} when it has none (or a broken one). */
    private AttemptPolicy policy(JsonObject object, String path, AttemptPolicy inherited) {
        if (!object.has(POLICY)) {
            return inherited;
        }
        String policyPath = path + "." + POLICY;
        if (!(object.get(POLICY) instanceof JsonObject policy)) {
            problem(policyPath, "\"" + POLICY + "\" must be {\"mode\": \"practice\"} or {\"mode\": \"assessed\","
                    + " \"attempts\": 2, \"deadline\": \"2027-01-15T23:59:00Z\"}");
            return inherited;
        }
        String mode = text(policy, "mode", policyPath);
        switch (mode) {
            case "practice" -> {
                if (policy.has("attempts") || policy.has("deadline")) {
                    problem(policyPath, "practice allows any number of attempts and has no deadline: drop"
                            + " \"attempts\" and \"deadline\", or make the mode \"assessed\"");
                }
                return AttemptPolicy.practice();
            }
            case "assessed" -> {
                int attempts = positiveInt(policy, "attempts", policyPath);
                Optional<Instant> deadline = instant(policy, "deadline", policyPath);
                return deadline.map(when -> AttemptPolicy.assessed(attempts, when)).orElse(inherited);
            }
            default -> {
                if (!mode.isEmpty()) {
                    problem(policyPath + ".mode", "unknown mode \"" + mode + "\"; use practice or assessed");
                }
                return inherited;
            }
        }
    }

    private Optional<Instant> instant(JsonObject object, String field, String path) {
        String text = text(object, field, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            problem(path + "." + field, "\"" + field + "\" must be a date and time with its offset from UTC, e.g."
                    + " 2027-01-15T23:59:00Z or 2027-01-15T23:59:00+01:00; got \"" + text + "\"");
            return Optional.empty();
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, QuizBankParser.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private String id(JsonObject object, String path) {
        String id = text(object, "id", path);
        if (!id.isEmpty()) {
            ids.add(new IdSite(id, file, lines.line(path + ".id")));
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                problem(path + ".id", "id \"" + id + "\" may use only letters, digits, '-', '_' and '.'");
            }
        }
        return id.isEmpty() ? "#" + path : id;
    }

    private String text(JsonObject object, String field, String path) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            problem(path, "missing \"" + field + "\"");
            return "";
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() || value.getAsString().isBlank()) {
            problem(path + "." + field, "\"" + field + "\" must be a non-empty string");
            return "";
        }
        return value.getAsString();
    }

    private double number(JsonObject object, String field, String path, String id) {
        JsonElement value = object.get(field);
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        problem(value == null ? path : path + "." + field, "question " + id + ": \"" + field + "\" must be a number");
        return Double.NaN;
    }

    private int positiveInt(JsonObject object, String field, String path) {
        JsonElement value = object.get(field);
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()
                && primitive.getAsDouble() == Math.rint(primitive.getAsDouble()) && primitive.getAsInt() > 0) {
            return primitive.getAsInt();
        }
        problem(path + "." + field, "\"" + field + "\" must be a whole number above 0");
        return 1;
    }

    /** A string or an array of strings, as a list; a problem when empty. */
    private List<String> strings(JsonObject object, String field, String path, String id) {
        JsonElement value = object.get(field);
        List<String> values = new ArrayList<>();
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            values.add(primitive.getAsString());
        } else if (value instanceof JsonArray array) {
            for (JsonElement element : array) {
                if (element instanceof JsonPrimitive primitive && primitive.isString()) {
                    values.add(primitive.getAsString());
                }
            }
            if (values.size() != array.size()) {
                problem(path + "." + field, id + ": every entry of \"" + field + "\" must be a string");
            }
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            problem(value == null ? path : path + "." + field,
                    id + ": \"" + field + "\" must be a non-empty string or list of strings");
        }
        return values;
    }

    private JsonArray array(JsonObject object, String field, String path, boolean required) {
        JsonElement value = object.get(field);
        if (value instanceof JsonArray array) {
            return array;
        }
        if (value != null || required) {
            problem(value == null ? path : path + "." + field, "\"" + field + "\" must be a list [...]");
        }
        return new JsonArray();
    }

    private boolean isObject(JsonElement element, String path) {
        if (element.isJsonObject()) {
            return true;
        }
        problem(path, "expected an object {...}");
        return false;
    }

    private void problem(String path, String message) {
        problems.add(new Problem(file, lines.line(path), message));
    }
}
