package dev.jft.quiz.answer;

import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import java.util.stream.Collectors;

/**
 * How to answer each kind of question, as a notebook call learners can copy.
 *
 * <pre>{@code
 * AnswerUsage.howToAnswer(q); // question welcome-q2 is multiple select: answer with Quiz.answer("welcome-q2", "A", "C")
 * }</pre>
 */
public final class AnswerUsage {

    private AnswerUsage() {}

    /** One sentence naming the question's kind and an example call. */
    public static String howToAnswer(Question question) {
        String id = "\"" + question.id() + "\"";
        String first = question.options().isEmpty() ? "A" : question.options().get(0).id();
        String second = question.options().size() < 2 ? "C" : question.options().get(question.options().size() - 1).id();
        String call = switch (question.kind()) {
            case MULTIPLE_CHOICE -> "one option, e.g. Quiz.answer(" + id + ", \"" + first + "\")";
            case MULTIPLE_SELECT -> "every option you choose, e.g. Quiz.answer(" + id + ", \"" + first + "\", \""
                    + second + "\")";
            case NUMERIC -> "a number, e.g. Quiz.answer(" + id + ", 0.5)";
            case SHORT_ANSWER -> "one piece of text, e.g. Quiz.answer(" + id + ", \"your answer\")";
        };
        return "question " + question.id() + " is " + question.kind() + ": answer with " + call;
    }

    /** The option ids, for messages: {@code A, B, C}. */
    static String optionIds(Question question) {
        return question.options().stream().map(Option::id).collect(Collectors.joining(", "));
    }
}
