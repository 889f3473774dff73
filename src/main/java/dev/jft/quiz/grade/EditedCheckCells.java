package dev.jft.quiz.grade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports the lesson's {@code Quiz.check} cells that a submission changed. The grade does not depend
 * on those cells (the grader's probe re-runs every check with the learner's arguments), so they are
 * not restored: a learner who renamed their function and its check cell would lose an honest point.
 * They are flagged instead, so the instructor can read what else the cell does.
 *
 * <pre>{@code
 * List<String> notes = EditedCheckCells.notes(NotebookCells.parse(lessonJson), NotebookCells.parse(submissionJson));
 * // ["cell 66: the lesson's check cell was edited (graded as written; review it): ..."]
 * }</pre>
 */
final class EditedCheckCells {

    /** Longest piece of an edited cell quoted in a note. */
    private static final int QUOTED = 160;

    private EditedCheckCells() {}

    /** One note per submission cell that calls a lesson's check cell's item but differs from that cell. */
    static List<String> notes(NotebookCells lesson, NotebookCells submission) {
        Map<String, String> lessonCheckCells = new HashMap<>(); // item id -> the lesson's cell, whitespace removed
        for (String source : lesson.codeSources()) {
            for (QuizCalls.Call call : QuizCalls.in(source)) {
                if (call.method().equals("check") && call.id().isPresent()) {
                    lessonCheckCells.put(call.id().get(), compact(source));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        int number = 0;
        for (JsonElement element : submission.json().getAsJsonArray("cells")) {
            number++;
            JsonObject cell = element.getAsJsonObject();
            if (!NotebookCells.isCode(cell)) {
                continue;
            }
            String source = NotebookCells.source(cell);
            for (QuizCalls.Call call : QuizCalls.in(source)) {
                String original = call.method().equals("check") ? lessonCheckCells.get(call.id().orElse("")) : null;
                if (original != null && !original.equals(compact(source))) {
                    notes.add("cell " + number + ": the lesson's check cell for \"" + call.id().get() + "\" was edited"
                            + " (graded as written; review it): " + quoted(source));
                    break;
                }
            }
        }
        return notes;
    }

    private static String compact(String source) {
        return source.replaceAll("\\s+", "");
    }

    private static String quoted(String source) {
        String oneLine = source.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTED ? oneLine : oneLine.substring(0, QUOTED) + "...";
    }
}
