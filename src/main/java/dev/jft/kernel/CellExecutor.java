package dev.jft.kernel;

import dev.jft.kernel.magic.MagicException;
import dev.jft.kernel.magic.MagicSyntax;
import dev.jft.kernel.magic.Magics;
import java.util.List;

/**
 * Runs a notebook cell: Java code through JShell, magics through the registry, in the order they
 * appear. The cell's value is that of its last part.
 *
 * <pre>{@code
 * CellExecutor cells = new CellExecutor(runner, magics);
 * Evaluation e = cells.execute("%classpath build/classes\nnew Foo()");
 * }</pre>
 */
public final class CellExecutor {

    private final SnippetRunner runner;
    private final Magics magics;

    /** Runs code with {@code runner} and magics from {@code magics}. */
    public CellExecutor(SnippetRunner runner, Magics magics) {
        this.runner = runner;
        this.magics = magics;
    }

    /** Runs {@code cell}; the first failing part ends the cell with its error. */
    public Evaluation execute(String cell) throws CellError {
        Evaluation last = Evaluation.NONE;
        for (MagicSyntax.Part part : parse(cell)) {
            last = switch (part.kind()) {
                case CODE -> runner.run(part.body(), part.line());
                case LINE_MAGIC -> magic(part, () -> magics.runLine(part.name(), part.args()));
                case CELL_MAGIC -> magic(part, () -> magics.runCell(part.name(), part.args(), part.body()));
            };
        }
        return last;
    }

    private List<MagicSyntax.Part> parse(String cell) throws CellError {
        try {
            return MagicSyntax.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new CellError("MagicException", e.getMessage(), List.of(e.getMessage()));
        }
    }

    private interface MagicCall {
        Object run() throws Exception;
    }

    private Evaluation magic(MagicSyntax.Part part, MagicCall call) throws CellError {
        try {
            Object value = call.run();
            return value == null ? Evaluation.NONE : Evaluation.of(value);
        } catch (CellError e) {
            throw e;
        } catch (MagicException e) {
            String magic = (part.kind() == MagicSyntax.Kind.CELL_MAGIC ? "%%" : "%") + part.name();
            throw new CellError("MagicException", e.getMessage(), List.of(magic + ": " + e.getMessage()));
        } catch (Exception e) {
            throw runner.errors().runtime(e);
        }
    }
}
