package dev.jft.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * Answers {@code execute_request}: runs the cell, flushes its printed output, then publishes the
 * result or the error and replies. Errors carry the Java exception's full class name, which the
 * base library's own handler cannot do.
 *
 * <pre>{@code
 * connection.setHandler(MessageType.EXECUTE_REQUEST,
 *         new ExecuteHandler(kernel::executeCell, context, count, flush, locations));
 * }</pre>
 */
public final class ExecuteHandler implements ShellHandler<ExecuteRequest> {

    private final KernelMagics.CellRunner cells;
    private final CellContext context;
    private final AtomicInteger executionCount;
    private final Runnable flushStreams;
    private final CellLocations locations;
    private final ErrorFormatter errors;

    /**
     * A handler running cells with {@code cells}, numbering them with {@code executionCount} (the
     * next cell's number); each cell is entered in {@code locations} under its number, so errors
     * name it as {@code In [n]}. Silent requests are not numbered.
     */
    public ExecuteHandler(KernelMagics.CellRunner cells, CellContext context, AtomicInteger executionCount,
                          Runnable flushStreams, CellLocations locations) {
        this.cells = cells;
        this.context = context;
        this.executionCount = executionCount;
        this.flushStreams = flushStreams;
        this.locations = locations;
        this.errors = new ErrorFormatter(snippetId -> null, locations::locate);
    }

    @Override
    public void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        // Jupyter: a silent request (a front-end's helper code) takes no execution count and
        // broadcasts no execute_input or execute_result; its reply carries the last cell's count.
        int count = silent ? executionCount.get() - 1 : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        context.enter(env);
        if (silent) {
            locations.enterSilentRequest(); // its errors must not borrow the next cell's In [n]
        } else {
            locations.enterCell(count);
        }
        try {
            Evaluation result = cells.execute(request.getCode());
            PublishExecuteResult shown = result.hasValue() && !silent ? render(count, result.value()) : null;
            flushStreams.run();
            if (shown != null) {
                env.publish(shown);
            }
            env.reply(new ExecuteReply(count, Map.of()));
        } catch (CellError error) {
            fail(env, count, error);
        } catch (RuntimeException | LinkageError unexpected) {
            fail(env, count, errors.runtime(unexpected));
        }
    }

    private PublishExecuteResult render(int count, Object value) throws CellError {
        try {
            return new PublishExecuteResult(count, DisplayDataRenderer.render(value));
        } catch (RuntimeException | LinkageError e) {
            CellError error = errors.runtime(e);
            throw new CellError(error.name(), "could not display the result: " + error.value(), error.traceback());
        }
    }

    private void fail(ShellReplyEnvironment env, int count, CellError error) {
        flushStreams.run();
        List<String> traceback = error.traceback();
        env.publish(new PublishError(error.name(), error.value(), traceback));
        ErrorReply reply = new ErrorReply(error.name(), error.value(), traceback);
        reply.setExecutionCount(count);
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }
}
