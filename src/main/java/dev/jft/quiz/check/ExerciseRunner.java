package dev.jft.quiz.check;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jft.quiz.bank.Exercise;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs an exercise's JUnit tests against a learner's implementation through the JUnit Platform
 * Launcher. Every test runs on its own thread with the exercise's timeout, so code that loops
 * forever fails that test and this call still returns.
 *
 * <pre>{@code
 * CheckResult result = ExerciseRunner.run(exercise, softmax);
 * result.earned(); // points of the passed tests
 * }</pre>
 */
public final class ExerciseRunner {

    private static final ClassLoader LIBRARY_LOADER = ExerciseRunner.class.getClassLoader();

    private ExerciseRunner() {}

    /**
     * The points {@code exercise} is worth: the {@link Points} of each {@code @Test} method of its test
     * classes, 1 where a test has none, as {@link #run} would award when every test passes, plus the
     * points of the tests a learner release withholds. A test class that cannot be loaded counts nothing
     * here ({@link #run} reports it).
     */
    public static int maxPoints(Exercise exercise) {
        return testMethods(exercise.testClasses()).stream().mapToInt(ExerciseRunner::pointsOf).sum()
                + exercise.withheldPoints();
    }

    /** The {@code @Test} methods of these classes and their superclasses; classes that do not load give none. */
    public static List<Method> testMethods(List<String> classNames) {
        List<Method> tests = new ArrayList<>();
        for (String name : classNames) {
            try {
                for (Class<?> type = Class.forName(name, false, LIBRARY_LOADER); type != null && type != Object.class;
                        type = type.getSuperclass()) {
                    for (Method method : type.getDeclaredMethods()) {
                        if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                            tests.add(method);
                        }
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // counted as nothing; running the exercise explains the problem
            }
        }
        return tests;
    }

    /** What a test method is worth: its {@link Points}, else 1. */
    public static int pointsOf(Method test) {
        Points declared = test.getAnnotation(Points.class);
        return declared == null ? 1 : declared.value();
    }

    /**
     * Runs the tests of {@code exercise} against {@code implementation}; one check at a time.
     *
     * @throws IllegalStateException when the exercise's test classes cannot be loaded
     */
    public static synchronized CheckResult run(Exercise exercise, Object implementation) {
        Set<Thread> threadsBefore = RunawayThreads.snapshot();
        Collector collector = new Collector(exercise.timeoutSeconds());
        Submission.set(implementation);
        // Kernels may run cells under their own context loader: find engines and tests beside this class.
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(LIBRARY_LOADER);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request(exercise), collector);
        } catch (JUnitException e) {
            throw new IllegalStateException("The tests of exercise " + exercise.id() + " could not be loaded ("
                    + e.getMessage() + "): rebuild the course library with mvn package", e);
        } finally {
            thread.setContextClassLoader(contextLoader);
            Submission.clear();
            RunawayThreads.stopNewTimeoutThreads(threadsBefore);
        }
        return new CheckResult(exercise, collector.outcomes());
    }

    private static LauncherDiscoveryRequest request(Exercise exercise) {
        List<ClassSelector> selectors = exercise.testClasses().stream().map(name -> selectClass(LIBRARY_LOADER, name)).toList();
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.execution.timeout.default", exercise.timeoutSeconds() + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                // Only the exercise's own classes: ignore listeners/extensions found on the kernel's classpath.
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .enableImplicitConfigurationParameters(false)
                .build();
    }

    /** Collects one outcome per test, in plan order; tests that never ran count as failed. */
    private static final class Collector implements TestExecutionListener {
        private final int timeoutSeconds;
        private final Map<String, TestIdentifier> tests = new LinkedHashMap<>();
        private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        private final Map<String, String> containerFailures = new LinkedHashMap<>();
        private TestPlan plan;

        Collector(int timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            for (TestIdentifier root : testPlan.getRoots()) {
                testPlan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                        .forEach(test -> tests.put(test.getUniqueId(), test));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            if (identifier.isTest()) {
                outcomes.put(identifier.getUniqueId(), outcome(identifier, false, "skipped: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            String message = result.getThrowable().map(this::message).orElse("");
            if (identifier.isTest()) {
                outcomes.put(identifier.getUniqueId(), outcome(identifier, passed, message));
            } else if (!passed) {
                containerFailures.put(identifier.getUniqueId(), message);
            }
        }

        private String message(Throwable error) {
            if (error instanceof TimeoutException) {
                return "timed out after " + timeoutSeconds + " s: does your code loop forever?";
            }
            if (error instanceof AssertionError) {
                return String.valueOf(error.getMessage());
            }
            return LearnerFrames.describe(error);
        }

        List<TestOutcome> outcomes() {
            List<TestOutcome> all = new ArrayList<>();
            for (TestIdentifier test : tests.values()) {
                TestOutcome outcome = outcomes.get(test.getUniqueId());
                all.add(outcome != null ? outcome : outcome(test, false, "did not run: " + containerFailure(test)));
            }
            return all;
        }

        private String containerFailure(TestIdentifier test) {
            for (Optional<TestIdentifier> parent = plan.getParent(test); parent.isPresent();
                    parent = plan.getParent(parent.get())) {
                String failure = containerFailures.get(parent.get().getUniqueId());
                if (failure != null) {
                    return failure;
                }
            }
            return "the test class could not start";
        }

        private static TestOutcome outcome(TestIdentifier test, boolean passed, String message) {
            Optional<Method> method = javaMethod(test.getSource());
            int points = method.map(ExerciseRunner::pointsOf).orElse(1);
            boolean hidden = method.map(m -> m.isAnnotationPresent(Hidden.class)
                    || m.getDeclaringClass().isAnnotationPresent(Hidden.class)).orElse(false);
            return new TestOutcome(test.getDisplayName(), passed, hidden, passed ? "" : message,
                    passed ? points : 0, points);
        }

        private static Optional<Method> javaMethod(Optional<TestSource> source) {
            return source.filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getJavaMethod());
        }
    }
}
