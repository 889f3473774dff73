package dev.jft.kernel;

/**
 * What a cell produced: a value (possibly null) or nothing at all (a statement, a declaration).
 *
 * <pre>{@code
 * Evaluation e = runner.run("1 + 1");
 * if (e.hasValue()) show(e.value());
 * }</pre>
 *
 * @param hasValue whether the cell ended with an expression
 * @param value the expression's value, null when the expression was null
 */
public record Evaluation(boolean hasValue, Object value) {

    /** A cell without a value to show. */
    public static final Evaluation NONE = new Evaluation(false, null);

    /** A cell whose last expression gave {@code value}. */
    public static Evaluation of(Object value) {
        return new Evaluation(true, value);
    }
}
