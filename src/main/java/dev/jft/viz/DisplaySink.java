package dev.jft.viz;

/**
 * Where library code sends live output such as progress bars.
 *
 * <p>In the course kernel this publishes Jupyter {@code display_data} and
 * {@code update_display_data} messages, so a display redraws in place. Elsewhere (a terminal,
 * another kernel) the default sink prints text, redrawing a line with a carriage return.
 */
public interface DisplaySink {

    /** Shows {@code value} and returns an id that {@link #update} can redraw. */
    String display(Object value);

    /** Replaces what the display with this id shows. */
    void update(String displayId, Object value);
}
