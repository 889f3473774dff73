package dev.jft.quiz.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.jft.course.CodeCellNotebook;
import dev.jft.course.InstalledKernelspec;
import dev.jft.kernel.KernelspecInstaller;
import dev.jft.quiz.answer.SealedAnswerChecker;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import dev.jft.quiz.grade.NbclientExecutor;
import dev.jft.quiz.grade.NotebookExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner release built as a learner's {@code ./course setup} builds it (Maven, offline, in the release
 * folder), then quiz calls made in a JVM on the release's classpath alone: instant feedback from the
 * sealed keys and the visible tests, and a cell's attack on the keys and hidden tests, which finds nothing;
 * then the answer and the attack again as notebook cells in the release's kernel, through Jupyter.
 */
class LearnerReleaseBuildTest {

    private static final QuizCatalog INSTRUCTOR = QuizCatalog.fromClasspath();
    private static final String PROBE = """
            import dev.jft.quiz.Quiz;
            import java.nio.charset.StandardCharsets;
            import java.util.Arrays;
            import java.util.function.Function;

            public class ReleaseProbe {
                public static void main(String[] args) throws Exception {
                    section("choice-right", Quiz.answer(args[0], args[1]));
                    section("choice-wrong", Quiz.answer(args[0], args[2]));
                    section("number-right", Quiz.answer(args[3], Double.parseDouble(args[4])));
                    section("number-wrong", Quiz.answer(args[3], Double.parseDouble(args[5])));
                    Function<double[], double[]> softmax = logits -> {
                        double max = Arrays.stream(logits).max().orElse(0);
                        double[] p = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
                        double sum = Arrays.stream(p).sum();
                        return Arrays.stream(p).map(x -> x / sum).toArray();
                    };
                    section("check-right", Quiz.check("welcome-softmax", softmax));
                    Function<double[], double[]> stub = logits -> new double[logits.length];
                    section("check-stub", Quiz.check("welcome-softmax", stub));
                    // The attack: a cell that reads the banks on the classpath and looks for the hidden tests.
                    StringBuilder read = new StringBuilder();
                    for (String lesson : args[6].split(",")) {
                        try (var in = ClassLoader.getSystemResourceAsStream("quizzes/" + lesson + "/questions.json")) {
                            read.append(in == null ? "NO BANK " + lesson : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                    for (String name : args[7].split(",")) {
                        try {
                            Class.forName(name);
                            read.append("\\nFOUND ").append(name);
                        } catch (ClassNotFoundException e) {
                            read.append("\\nmissing");
                        }
                        if (ClassLoader.getSystemResource(name.replace('.', '/') + ".class") != null) {
                            read.append("\\nFOUND RESOURCE ").append(name);
                        }
                    }
                    section("attack", read);
                }

                static void section(String name, Object value) {
                    System.out.println("=== " + name + "\\n" + value);
                }
            }
            """;

    @TempDir
    static Path work;

    private static Path release;
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();
    private static ReleaseSecrets secrets;

    @BeforeAll
    static void buildTheReleaseAndRunQuizCallsInIt() throws Exception {
        secrets = ReleaseSecrets.of(INSTRUCTOR, ReleaseFixture.COURSE);
        release = work.resolve("course");
        LearnerRelease.write(ReleaseFixture.COURSE, release);
        long start = System.nanoTime();
        run(release, List.of("mvn", "-o", "-B", "-q", "-DskipTests", "package", "dependency:build-classpath",
                "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + release.resolve("target/classpath.txt")), 600);
        System.out.printf("mvn package of the learner release: %.0f s%n", (System.nanoTime() - start) / 1e9);

        Question choice = INSTRUCTOR.question("welcome-q1").orElseThrow();
        Question number = INSTRUCTOR.question("welcome-q4").orElseThrow();
        String wrongChoice = choice.options().stream().map(o -> o.id()).filter(id -> !choice.correctOptions().contains(id))
                .findFirst().orElseThrow();
        Path probe = Files.writeString(Files.createDirectories(work.resolve("probe")).resolve("ReleaseProbe.java"), PROBE);
        String classpath = release.resolve("target/classes") + ":" + Files.readString(release.resolve("target/classpath.txt")).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = run(work.resolve("probe"), List.of(java, "-Dai.djl.offline=true", "-cp", classpath, probe.toString(),
                "welcome-q1", choice.correctOptions().get(0), wrongChoice,
                "welcome-q4", Double.toString(number.numericAnswer()), Double.toString(number.numericAnswer() + 1),
                String.join(",", INSTRUCTOR.banks().stream().map(QuizBank::lesson).toList()),
                String.join(",", secrets.hiddenClasses())), 300);
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : (output + "\n=== end").split("\n")) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    SECTIONS.put(name, body.toString());
                }
                name = line.substring(4);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
    }

    @Test
    void theBuildPutsNoKeyHiddenTestOrSolutionOnTheClasspath() throws IOException {
        assertTrue(Files.isRegularFile(release.resolve("target/classes/quizzes/00-welcome/questions.json")));
        assertTrue(Files.isRegularFile(release.resolve("target/classes/dev/jft/quiz/Quiz.class")));
        assertEquals(List.of(), secrets.scan(release.resolve("target")), "secrets in the release's build");
    }

    @Test
    void quizCallsGiveSealedFeedbackAndRunTheVisibleTests() {
        String right = SECTIONS.get("choice-right");
        assertTrue(right.startsWith("welcome-q1: correct"), right);
        assertTrue(right.contains(SealedAnswerChecker.MEANING), right);
        String explanation = INSTRUCTOR.question("welcome-q1").orElseThrow().options().get(0).explanation();
        assertTrue(right.contains(explanation), "a right answer opens the explanations: " + right);
        assertTrue(SECTIONS.get("choice-wrong").startsWith("welcome-q1: not correct"), SECTIONS.get("choice-wrong"));
        assertFalse(SECTIONS.get("choice-wrong").contains(explanation), SECTIONS.get("choice-wrong"));
        assertTrue(SECTIONS.get("number-right").startsWith("welcome-q4: correct"), SECTIONS.get("number-right"));
        assertTrue(SECTIONS.get("number-wrong").startsWith("welcome-q4: not correct"), SECTIONS.get("number-wrong"));

        String passing = SECTIONS.get("check-right");
        String withheld = "hidden tests (";
        assertTrue(passing.contains("from the visible tests, all tests pass"), passing);
        assertTrue(passing.contains(withheld) && passing.contains("run when your instructor grades"), passing);
        assertFalse(passing.contains("FAIL"), passing);
        String stub = SECTIONS.get("check-stub");
        assertTrue(stub.contains("keep going") && stub.contains("FAIL"), stub);
        assertTrue(stub.contains("run when your instructor grades"), stub);
        assertFalse(stub.contains("hidden test 1"), "hidden tests are not run, so they do not fail: " + stub);
    }

    @Test
    void aCellThatReadsTheBanksAndLooksForHiddenTestsFindsNoneOfThem() {
        String attack = SECTIONS.get("attack");
        assertFalse(attack.contains("NO BANK"), "the banks are on the release's classpath: " + attack);
        assertTrue(attack.contains("\"sealed\""), attack);
        assertEquals(List.of(), secrets.in(attack), "what the cell read");
        assertEquals(secrets.hiddenClasses().size(), attack.split("\nmissing", -1).length - 1, attack);
        assertFalse(attack.contains("FOUND"), attack);
    }

    /**
     * The same calls and attack as notebook cells in the release's own kernel, through Jupyter: what a
     * learner running the release sees.
     */
    @Test
    void throughJupyterTheReleasesKernelGivesSealedFeedbackAndTheAttackFindsNothing() throws Exception {
        InstalledKernelspec.assumeInstalled();
        String classpath = release.resolve("target/classes") + ":"
                + Files.readString(release.resolve("target/classpath.txt")).trim();
        Path specs = work.resolve("release-kernelspecs");
        KernelspecInstaller.main(new String[] {"--dir", specs.resolve("kernels").toString(), "--java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--classpath", classpath,
            "--env", "COURSE_HOME=" + release}); // the release's class path alone
        Question choice = INSTRUCTOR.question("welcome-q1").orElseThrow();
        String attack = """
                StringBuilder read = new StringBuilder();
                for (String lesson : "%s".split(",")) {
                    try (var in = ClassLoader.getSystemResourceAsStream("quizzes/" + lesson + "/questions.json")) {
                        read.append(in == null ? "NO BANK " + lesson : new String(in.readAllBytes()));
                    }
                }
                for (String name : "%s".split(",")) {
                    try {
                        Class.forName(name);
                        read.append("\\nFOUND ").append(name);
                    } catch (ClassNotFoundException e) {
                        read.append("\\nNOT-ON-CLASSPATH");
                    }
                }
                System.out.println(read);""".formatted(
                String.join(",", INSTRUCTOR.banks().stream().map(QuizBank::lesson).toList()),
                String.join(",", secrets.hiddenClasses()));
        Path folder = Files.createDirectories(work.resolve("jupyter"));
        Files.writeString(folder.resolve("cells.ipynb"), CodeCellNotebook.of("import dev.jft.quiz.*;\nQuiz.answer("
                + "\"welcome-q1\", \"" + choice.correctOptions().get(0) + "\")", attack));

        NotebookExecutor.Outcome outcome = new NbclientExecutor("/usr/bin/python3", "java", Optional.of(specs))
                .execute(folder.resolve("cells.ipynb"), folder.resolve("executed.ipynb"),
                        Map.of("COURSE_GRADEBOOK", work.resolve("jupyter-gradebook.jsonl").toString()),
                        Duration.ofSeconds(60), Duration.ofMinutes(5));
        assertEquals(NotebookExecutor.Status.FINISHED, outcome.status(), outcome.log());
        JsonArray executed = JsonParser.parseString(Files.readString(folder.resolve("executed.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells");
        String answer = executed.get(0).getAsJsonObject().get("outputs").toString();
        assertTrue(answer.contains("welcome-q1: correct") && answer.contains("salted hash"), answer);
        String read = executed.get(1).getAsJsonObject().get("outputs").toString();
        assertTrue(read.contains("sealed") && !read.contains("NO BANK"), read);
        assertEquals(List.of(), secrets.in(read.replace("\\\"", "\"")), "what the cell read through Jupyter");
        assertFalse(read.contains("FOUND"), read);
        assertEquals(secrets.hiddenClasses().size(), read.split("NOT-ON-CLASSPATH", -1).length - 1, read);
    }

    private static String run(Path dir, List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("COURSE_GRADEBOOK", work.resolve("gradebook.jsonl").toString());
        builder.environment().put("COURSE_LEARNER", "probe");
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " ran over " + seconds + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
