package dev.jft.quiz;

import dev.jft.quiz.answer.AnswerFormatException;
import dev.jft.quiz.answer.AnswerGrader;
import dev.jft.quiz.answer.AnswerUsage;
import dev.jft.quiz.answer.GradedAnswer;
import dev.jft.quiz.answer.QuestionView;
import dev.jft.quiz.answer.SealedAnswerChecker;
import dev.jft.quiz.bank.AttemptPolicy;
import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.check.CheckResult;
import dev.jft.quiz.check.ExerciseRunner;
import dev.jft.quiz.check.ExerciseView;
import dev.jft.quiz.progress.Gradebook;
import dev.jft.quiz.progress.GradebookEntry;
import dev.jft.quiz.progress.ProgressReport;
import dev.jft.quiz.progress.Scores;
import dev.jft.viz.RichOutput;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The quiz logic behind {@link Quiz}: a catalog of banks, a gradebook and a learner. Tests build
 * their own; notebooks use {@link Quiz}, which holds one made from the environment. Questions of a
 * learner release (sealed keys) are checked by {@link SealedAnswerChecker}, the others by
 * {@link AnswerGrader}.
 *
 * <pre>{@code
 * QuizSession session = new QuizSession(QuizCatalog.fromClasspath(), new Gradebook(path), "ada");
 * session.answer("welcome-q1", List.of("B"));
 * }</pre>
 */
public final class QuizSession {

    /** Environment variable naming the learner in the gradebook (else the user name). */
    public static final String LEARNER_VARIABLE = "COURSE_LEARNER";

    private final QuizCatalog catalog;
    private final Gradebook gradebook;
    private final String learner;
    private final Clock clock;

    public QuizSession(QuizCatalog catalog, Gradebook gradebook, String learner) {
        this(catalog, gradebook, learner, Clock.systemUTC());
    }

    /** A session that reads deadlines ({@link AttemptPolicy}) against {@code clock}. */
    public QuizSession(QuizCatalog catalog, Gradebook gradebook, String learner, Clock clock) {
        this.catalog = catalog;
        this.gradebook = gradebook;
        this.learner = learner;
        this.clock = clock;
    }

    /** The session for this process: banks from the classpath, gradebook and learner from the environment. */
    public static QuizSession fromEnvironment() {
        String learner = Optional.ofNullable(System.getenv(LEARNER_VARIABLE)).filter(s -> !s.isBlank())
                .orElse(System.getProperty("user.name"));
        return new QuizSession(QuizCatalog.fromClasspath(), Gradebook.fromEnvironment(), learner);
    }

    public String learner() {
        return learner;
    }

    public Gradebook gradebook() {
        return gradebook;
    }

    /** A question or an exercise, ready to display, with how it may be attempted. */
    public RichOutput show(String id) {
        Instant now = Instant.now(clock);
        return find(id, question -> new QuestionView(question, catalog.policy(id).statement(0, now)),
                exercise -> new ExerciseView(exercise, catalog.policy(id).statement(0, now)));
    }

    /**
     * The answer notebooks commit in place of the learner's: {@code Quiz.answer("welcome-q1", "?")}.
     * It (or an empty answer) is not graded and not recorded; the learner is told what to write instead.
     */
    public static final String PLACEHOLDER = "?";

    /** Grades option ids or a short answer; the {@link #PLACEHOLDER} only says how to answer. */
    public RichOutput answer(String id, List<String> texts) {
        return find(id, question -> isPlaceholder(texts) ? notAnsweredYet(question)
                : attempt(question, () -> question.sealed().isPresent() ? SealedAnswerChecker.check(question, texts)
                        : AnswerGrader.grade(question, texts)), this::answeredAnExercise);
    }

    /** Whether {@code texts} is the committed placeholder (or empty): an answer not given yet. */
    public static boolean isPlaceholder(List<String> texts) {
        return texts.stream().allMatch(text -> text == null || text.isBlank() || text.trim().equals(PLACEHOLDER));
    }

    private RichOutput notAnsweredYet(Question question) {
        return new QuizMessage("Not answered yet (nothing recorded): replace \"" + PLACEHOLDER
                + "\" with your answer and run the cell again. " + AnswerUsage.howToAnswer(question) + "\n"
                + catalog.policy(question.id()).statement(0, Instant.now(clock)));
    }

    /** Grades a number. */
    public RichOutput answer(String id, double value) {
        return find(id, question -> attempt(question, () -> question.sealed().isPresent()
                ? SealedAnswerChecker.check(question, value) : AnswerGrader.grade(question, value)),
                this::answeredAnExercise);
    }

    /** Runs an exercise's tests against {@code implementation}. */
    public RichOutput check(String id, Object implementation) {
        return find(id, question -> new QuizMessage(id + " is a question, not a coding exercise: "
                + AnswerUsage.howToAnswer(question)), exercise -> check(exercise, implementation));
    }

    /**
     * This learner's scores per lesson, as a table and a chart: the best attempt at each item, out of
     * the points of every item in the lesson's bank.
     */
    public RichOutput progress() {
        Map<String, ProgressReport.Lesson> lessons = new LinkedHashMap<>();
        for (QuizBank bank : catalog.banks()) {
            double points = bank.questions().stream().mapToInt(Question::points).sum()
                    + bank.exercises().stream().mapToInt(ExerciseRunner::maxPoints).sum();
            lessons.put(bank.lesson(), new ProgressReport.Lesson(bank.questions().size() + bank.exercises().size(), points));
        }
        return ProgressReport.of(Scores.best(gradebook.read()), learner, lessons);
    }

    private RichOutput check(Exercise exercise, Object implementation) {
        if (implementation == null) {
            return new QuizMessage("Quiz.check got null for " + exercise.id() + ": run the cell that defines "
                    + exercise.submit() + " first, then " + exercise.checkCall());
        }
        Optional<Class<?>> expected = expectedType(exercise);
        if (expected.isPresent() && !expected.get().isInstance(implementation)) {
            return new QuizMessage(exercise.id() + " needs a " + expected.get().getName() + " but got a "
                    + implementation.getClass().getName() + ": keep the type from the stub (Quiz.show(\""
                    + exercise.id() + "\") shows it) and call " + exercise.checkCall());
        }
        Attempt attempt = nextAttempt(exercise.id());
        if (attempt.refusal().isPresent()) {
            return attempt.refusal().get();
        }
        CheckResult result;
        try {
            result = ExerciseRunner.run(exercise, implementation);
        } catch (IllegalStateException e) {
            return new QuizMessage(e.getMessage());
        }
        GradebookEntry entry = new GradebookEntry(attempt.now().toString(), learner, exercise.lesson(),
                exercise.id(), "exercise", result.earned(), result.points(), "");
        appendOrExplain(entry).ifPresent(result::withNote);
        return result.withPolicy(attempt.statement());
    }

    /**
     * Grades an answer within its item's {@link AttemptPolicy}: an assessed item before its deadline
     * takes only its attempts and shows the verdict without the answer. An answer of the wrong shape
     * (thrown by {@code grading}) is explained and not counted.
     */
    private RichOutput attempt(Question question, Supplier<GradedAnswer> grading) {
        Attempt attempt = nextAttempt(question.id());
        if (attempt.refusal().isPresent()) {
            return attempt.refusal().get();
        }
        GradedAnswer graded = grading.get();
        if (attempt.limited()) {
            graded.withholdAnswers();
        }
        return record(graded).withNote(attempt.statement());
    }

    /** The attempt about to be made at an item, under its policy at {@code now}; {@code refusal} when it may not be. */
    private record Attempt(AttemptPolicy policy, Instant now, int number, Optional<RichOutput> refusal) {

        /** Whether attempts are counted and answers withheld (assessed, before the deadline). */
        boolean limited() {
            return policy.limits(now);
        }

        /** The policy line the cell shows with this attempt. */
        String statement() {
            return policy.statement(number, now);
        }
    }

    /**
     * The next attempt at {@code id}: numbered from this learner's gradebook while the policy limits
     * attempts (else 1: practice reads no gradebook), refused when they are used up or when the
     * gradebook cannot be read, since then they cannot be counted.
     */
    private Attempt nextAttempt(String id) {
        AttemptPolicy policy = catalog.policy(id);
        Instant now = Instant.now(clock);
        if (!policy.limits(now)) {
            return new Attempt(policy, now, 1, Optional.empty());
        }
        int number;
        try {
            number = 1 + (int) gradebook.read().stream()
                    .filter(entry -> learner.equals(entry.learner()) && id.equals(entry.item())).count();
        } catch (UncheckedIOException | IllegalStateException e) {
            return new Attempt(policy, now, 0, Optional.of(new QuizMessage(id + " is assessed, with a limited number"
                    + " of attempts, and they are counted in your gradebook, which cannot be read: " + e.getMessage())));
        }
        Optional<RichOutput> usedUp = number > policy.attempts()
                ? Optional.of(new QuizMessage(policy.usedUp(id))) : Optional.empty();
        return new Attempt(policy, now, number, usedUp);
    }

    private static Optional<Class<?>> expectedType(Exercise exercise) {
        try {
            return Optional.of(Class.forName(exercise.expects()));
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // the build's validator reports this; do not block the learner
        }
    }

    private GradedAnswer record(GradedAnswer feedback) {
        Question question = feedback.question();
        GradebookEntry entry = new GradebookEntry(Instant.now(clock).toString(), learner, question.lesson(),
                question.id(), "question", feedback.score(), question.points(), feedback.given());
        appendOrExplain(entry).ifPresent(feedback::withNote);
        return feedback;
    }

    /** Appends to the gradebook; on failure returns a note for the learner instead of losing the grade silently. */
    private Optional<String> appendOrExplain(GradebookEntry entry) {
        try {
            gradebook.append(entry);
            return Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.of("Not saved to the gradebook: " + e.getMessage());
        }
    }

    private RichOutput answeredAnExercise(Exercise exercise) {
        return new QuizMessage(exercise.id() + " is a coding exercise: complete its stub, then call "
                + exercise.checkCall());
    }

    private RichOutput find(String id, Function<Question, RichOutput> onQuestion,
                            Function<Exercise, RichOutput> onExercise) {
        if (id == null || id.isBlank()) {
            return new QuizMessage("Give the id of a question or exercise, e.g. " + catalog.ids().stream()
                    .findFirst().map(first -> "Quiz.show(\"" + first + "\")").orElse("Quiz.show(\"welcome-q1\")"));
        }
        Optional<Question> question = catalog.question(id);
        if (question.isPresent()) {
            try {
                return onQuestion.apply(question.get());
            } catch (AnswerFormatException e) {
                return new QuizMessage(e.getMessage());
            }
        }
        Optional<Exercise> exercise = catalog.exercise(id);
        if (exercise.isPresent()) {
            return onExercise.apply(exercise.get());
        }
        List<String> nearest = catalog.nearestIds(id);
        return new QuizMessage("No question or exercise \"" + id + "\"."
                + (nearest.isEmpty() ? " Ids look like " + catalog.ids().stream().limit(3).toList()
                : " Did you mean " + String.join(" or ", nearest) + "?"));
    }
}
