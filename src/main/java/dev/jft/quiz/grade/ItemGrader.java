package dev.jft.quiz.grade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.quiz.QuizSession;
import dev.jft.quiz.answer.AnswerFeedback;
import dev.jft.quiz.answer.AnswerFormatException;
import dev.jft.quiz.answer.AnswerGrader;
import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.check.ExerciseRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades every item of a lesson's bank from the probes of one executed submission. Maxima come from
 * the bank, so an item whose cell was deleted is 0 out of its points, not left out. Answers are
 * graded here against the instructor's keys; exercise scores are the probe's test results, capped at
 * the bank's maximum.
 *
 * <pre>{@code
 * List<ItemGrade> grades = new ItemGrader(bank).grades(ExecutedNotebook.read(json, token).lastProbes());
 * }</pre>
 */
public final class ItemGrader {

    private final QuizBank bank;

    public ItemGrader(QuizBank bank) {
        this.bank = bank;
    }

    /** The bank's items with the maximum of each, in bank order: questions, then exercises. */
    public List<ItemGrade> maxima() {
        List<ItemGrade> items = new ArrayList<>();
        bank.questions().forEach(q -> items.add(new ItemGrade(q.id(), 0, q.points(), "")));
        bank.exercises().forEach(e -> items.add(new ItemGrade(e.id(), 0, ExerciseRunner.maxPoints(e), "")));
        return items;
    }

    /** Every item 0 with the same {@code reason}, e.g. for a notebook that does not parse. */
    public List<ItemGrade> allZero(String reason) {
        return maxima().stream().map(item -> new ItemGrade(item.item(), 0, item.max(), reason)).toList();
    }

    /** One grade per bank item from the last probe of each. */
    public List<ItemGrade> grades(Map<String, ExecutedNotebook.Probe> probes) {
        List<ItemGrade> grades = new ArrayList<>();
        for (Question question : bank.questions()) {
            grades.add(grade(question, Optional.ofNullable(probes.get(question.id()))));
        }
        for (Exercise exercise : bank.exercises()) {
            grades.add(grade(exercise, Optional.ofNullable(probes.get(exercise.id()))));
        }
        return grades;
    }

    private static ItemGrade grade(Question question, Optional<ExecutedNotebook.Probe> probe) {
        double max = question.points();
        Optional<String> notGraded = notGraded(probe, "answer", "Quiz.answer(\"" + question.id() + "\", ...)");
        if (notGraded.isPresent()) {
            return new ItemGrade(question.id(), 0, max, notGraded.get());
        }
        List<JsonElement> values = new ArrayList<>();
        probe.get().report().get().getAsJsonArray("values").forEach(values::add);
        try {
            AnswerFeedback feedback;
            if (values.size() == 1 && values.get(0).isJsonPrimitive() && values.get(0).getAsJsonPrimitive().isNumber()) {
                feedback = AnswerGrader.grade(question, values.get(0).getAsDouble());
            } else {
                List<String> texts = values.stream().map(v -> v.isJsonNull() ? "" : v.getAsString()).toList();
                if (QuizSession.isPlaceholder(texts)) {
                    return new ItemGrade(question.id(), 0, max, "not answered (cell " + probe.get().cell() + ")");
                }
                feedback = AnswerGrader.grade(question, texts);
            }
            double score = Math.min(max, feedback.score());
            return new ItemGrade(question.id(), score, max, score == max ? "" : "wrong (answered " + feedback.given() + ")");
        } catch (AnswerFormatException e) {
            return new ItemGrade(question.id(), 0, max, "not a valid answer: " + e.getMessage());
        }
    }

    private static ItemGrade grade(Exercise exercise, Optional<ExecutedNotebook.Probe> probe) {
        double max = ExerciseRunner.maxPoints(exercise);
        Optional<String> notGraded = notGraded(probe, "check", exercise.checkCall());
        if (notGraded.isPresent()) {
            return new ItemGrade(exercise.id(), 0, max, notGraded.get());
        }
        JsonObject report = probe.get().report().get();
        if (report.has("error")) {
            return new ItemGrade(exercise.id(), 0, max, "error: " + report.get("error").getAsString());
        }
        double score = Math.min(max, report.get("earned").getAsDouble());
        List<String> failed = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        int hiddenFailed = 0;
        for (JsonElement element : report.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            boolean passed = test.get("passed").getAsBoolean();
            if (test.get("hidden").getAsBoolean()) {
                hidden++;
                hiddenFailed += passed ? 0 : 1;
                shown.add((passed ? "passed: " : "failed: ") + "hidden test " + hidden);
            } else {
                shown.add((passed ? "passed: " : "failed: ") + test.get("name").getAsString()
                        + (passed ? "" : ": " + test.get("message").getAsString()));
                if (!passed) {
                    failed.add(test.get("name").getAsString()); // its message is in the feedback and the notebook
                }
            }
        }
        if (hiddenFailed > 0) {
            failed.add(hiddenFailed + " hidden " + (hiddenFailed == 1 ? "test" : "tests") + " failed");
        }
        return new ItemGrade(exercise.id(), score, max, failed.isEmpty() ? "" : "tests failed: " + String.join("; ", failed),
                shown);
    }

    /** Why a probe gives no grade: no call, wrong method, or its cell did not run to the end. */
    private static Optional<String> notGraded(Optional<ExecutedNotebook.Probe> probe, String method, String call) {
        if (probe.isEmpty()) {
            return Optional.of("missing: no " + call + " in the notebook");
        }
        ExecutedNotebook.Probe found = probe.get();
        if (!found.method().equals(method)) {
            return Optional.of("missing: cell " + found.cell() + " calls Quiz." + found.method() + " instead of " + call);
        }
        String where = "cell " + found.cell();
        return switch (found.run()) {
            case ExecutedNotebook.TIMEOUT -> Optional.of("timeout: re-running " + where + "'s call ran over the cell time limit");
            case ExecutedNotebook.DIED -> Optional.of("error: re-running " + where + "'s call stopped the kernel");
            case ExecutedNotebook.NOT_RUN -> Optional.of("not run: the kernel stopped before " + where);
            default -> found.report().isPresent() ? Optional.empty()
                    : Optional.of("error in " + where + ": " + (found.error().isEmpty() ? "the call gave no result"
                            : found.error().lines().findFirst().orElse("")));
        };
    }
}
