package dev.jft.quiz.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points an exercise test is worth (1 when absent); passed tests add up to partial credit.
 *
 * <pre>{@code
 * @Test @Points(2)
 * void sumsToOne() { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    int value();
}
