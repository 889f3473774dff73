package dev.jft.quiz.release;

import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.check.ExerciseRunner;
import dev.jft.quiz.check.Hidden;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hidden tests of one exercise, which a learner release leaves out: its test classes annotated
 * {@link Hidden} as a whole, how many tests they hold and what they are worth. A release cannot cut
 * single {@code @Hidden} methods out of a visible class, so it refuses such a class.
 *
 * <pre>{@code
 * HiddenTests hidden = HiddenTests.of(exercise);
 * hidden.classes(); // the exercise's test classes annotated @Hidden, by full name
 * }</pre>
 */
public record HiddenTests(List<String> classes, List<String> visible, int tests, int points) {

    public HiddenTests {
        classes = List.copyOf(classes);
        visible = List.copyOf(visible);
    }

    /** Sorts the test classes of {@code exercise} into hidden and visible ones, loading each. */
    public static HiddenTests of(Exercise exercise) {
        List<String> hidden = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        for (String name : exercise.testClasses()) {
            Class<?> type = load(exercise, name);
            if (type.isAnnotationPresent(Hidden.class)) {
                hidden.add(name);
                continue;
            }
            for (Method test : ExerciseRunner.testMethods(List.of(name))) {
                if (test.isAnnotationPresent(Hidden.class)) {
                    throw new IllegalStateException("exercise " + exercise.id() + ": " + name + "." + test.getName()
                            + " is @Hidden in a class that is not hidden as a whole. A release leaves hidden tests"
                            + " out by class: move it into a class annotated @Hidden and list that in the bank");
                }
            }
            visible.add(name);
        }
        if (visible.isEmpty()) {
            throw new IllegalStateException("exercise " + exercise.id() + " has only hidden tests: learners of the"
                    + " release would get no feedback. Give it a visible test class");
        }
        List<Method> tests = ExerciseRunner.testMethods(hidden);
        return new HiddenTests(hidden, visible, tests.size(), tests.stream().mapToInt(ExerciseRunner::pointsOf).sum());
    }

    /** The source file that declares {@code className} (a nested class's outer class), under {@code sources}. */
    public static Path sourceFile(Path sources, String className) {
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        return sources.resolve(outer.replace('.', '/') + ".java");
    }

    private static Class<?> load(Exercise exercise, String name) {
        try {
            return Class.forName(name, false, HiddenTests.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("exercise " + exercise.id() + ": test class " + name + " is not on the"
                    + " classpath. Build the course (mvn package) before making a release", e);
        }
    }
}
