package dev.jft.quiz.grade;

import dev.jft.viz.Html;
import java.util.Locale;

/**
 * A learner's feedback as one HTML page to hand back: status, each item's score out of the bank's
 * maximum with the reason for lost points, each visible test's result with its message, and hidden
 * tests by number and result only (their names and messages stay with the instructor).
 *
 * <pre>{@code
 * Files.writeString(Path.of("grades-feedback/ada.html"), FeedbackPage.html(run));
 * }</pre>
 */
public final class FeedbackPage {

    private static final String CELL = "style=\"text-align:left;vertical-align:top;padding:0.2em 0.6em;"
            + "border-bottom:1px solid #ddd\"";

    private FeedbackPage() {}

    public static String html(SubmissionRun run) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Feedback for ")
                .append(Html.escape(run.learner())).append("</title></head><body style=\"font-family:sans-serif\">\n")
                .append("<h1>Feedback for ").append(Html.escape(run.learner())).append("</h1>\n")
                .append("<p>Run: ").append(Html.escape(run.status())).append("</p>\n")
                .append("<p>Total: <b>").append(points(run.total())).append(" / ").append(points(run.maxTotal()))
                .append("</b></p>\n<table style=\"border-collapse:collapse\">\n<tr>");
        for (String heading : new String[] {"item", "score", "why points were lost", "tests"}) {
            page.append("<th ").append(CELL).append('>').append(heading).append("</th>");
        }
        page.append("</tr>\n");
        for (ItemGrade grade : run.grades()) {
            page.append("<tr><td ").append(CELL).append('>').append(Html.escape(grade.item())).append("</td><td ")
                    .append(CELL).append('>').append(points(grade.score())).append(" / ").append(points(grade.max()))
                    .append("</td><td ").append(CELL).append('>').append(Html.escape(grade.reason())).append("</td><td ")
                    .append(CELL).append('>');
            for (String test : grade.visibleTests()) {
                page.append("<div>").append(Html.escape(test)).append("</div>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</table>\n");
        if (!run.notes().isEmpty()) {
            page.append("<p>Not graded:</p><ul>");
            run.notes().forEach(note -> page.append("<li>").append(Html.escape(note)).append("</li>"));
            page.append("</ul>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
