package dev.jft.quiz.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks exercise tests (a method or a whole class) whose result counts but whose name and
 * message are not shown, so learners cannot code to the test.
 *
 * <pre>{@code
 * @Hidden
 * class EdgeCasesTest { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hidden {}
