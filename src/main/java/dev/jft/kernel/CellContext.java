package dev.jft.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.ContentType;

/**
 * The cell whose output is being produced: messages published here go to that cell.
 *
 * <p>After a cell ends its environment is kept, so output from a background thread (a training
 * loop still printing) still reaches the notebook, under the last cell.
 *
 * <pre>{@code
 * context.enter(env);
 * context.publish(new PublishStream(PublishStream.StreamType.OUT, "hello\n"));
 * }</pre>
 */
public final class CellContext {

    private volatile ShellReplyEnvironment env;
    private volatile long cellNumber;

    /** Makes {@code env} the destination of all output from now on. */
    public void enter(ShellReplyEnvironment env) {
        this.env = env;
        cellNumber++; // only the shell thread enters cells
    }

    /** Counts the cells entered: changes exactly when a new cell starts (0 before the first). */
    public long cellNumber() {
        return cellNumber;
    }

    /** Whether some cell has run, so there is a notebook to publish to. */
    public boolean isAttached() {
        return env != null;
    }

    /**
     * Publishes {@code content} on IOPub with the current cell as parent.
     *
     * @return false when no cell has run yet (nothing was sent)
     */
    public <T extends ContentType<T>> boolean publish(T content) {
        ShellReplyEnvironment current = env;
        if (current == null) {
            return false;
        }
        current.publish(content);
        return true;
    }
}
