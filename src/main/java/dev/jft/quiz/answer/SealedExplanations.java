package dev.jft.quiz.answer;

import com.google.gson.Gson;
import dev.jft.course.Json;
import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A question's explanations, as the release seals them (they often give the answer away): the
 * question's own and each option's by option id. They open only with a right answer.
 *
 * <pre>{@code
 * byte[] plain = SealedExplanations.of(question).toBytes();       // the release, from the instructor's bank
 * SealedExplanations opened = SealedExplanations.fromBytes(plain); // the learner's kernel, after a right answer
 * }</pre>
 */
public record SealedExplanations(String question, Map<String, String> options) {

    private static final Gson GSON = Json.builder().disableHtmlEscaping().create();

    public SealedExplanations {
        options = Map.copyOf(options);
    }

    /** The explanations of an instructor's question. */
    public static SealedExplanations of(Question question) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Option option : question.options()) {
            options.put(option.id(), option.explanation());
        }
        return new SealedExplanations(question.explanation(), options);
    }

    public byte[] toBytes() {
        return GSON.toJson(this).getBytes(StandardCharsets.UTF_8);
    }

    public static SealedExplanations fromBytes(byte[] json) {
        return GSON.fromJson(new String(json, StandardCharsets.UTF_8), SealedExplanations.class);
    }
}
