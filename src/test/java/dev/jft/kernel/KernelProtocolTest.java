package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The kernel as Jupyter sees it: a separate JVM spoken to over ZeroMQ. One kernel serves all tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelProtocolTest {

    private static final int TIMEOUT_MS = 3000;
    private static KernelClient kernel;

    @BeforeAll
    static void startKernel() throws Exception {
        kernel = KernelClient.start(Map.of());   // no cell time limit: a busy machine must not fail heavy cells
    }

    @AfterAll
    static void killKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    @Order(1)
    void kernelInfoNamesJava() {
        KernelClient.Exchange info = kernel.request("kernel_info_request", new JsonObject());
        JsonObject language = info.reply().getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals("text/x-java", language.get("codemirror_mode").getAsString(),
                "a mode CodeMirror 5 knows, so new cells are highlighted");
        assertTrue(info.reply().get("banner").getAsString().contains(CourseKernel.DISPLAY_NAME));
    }

    @Test
    @Order(2)
    void lastExpressionOfACellIsItsResult() {
        KernelClient.Exchange run = kernel.execute("int a = 2;\nint b = 3;\na * b");
        assertEquals("ok", run.status());
        assertEquals("6", plain(result(run)));
        assertTrue(kernel.execute("int unused = 1;").ofType("execute_result").isEmpty(), "a declaration shows nothing");
        assertEquals("null", plain(result(kernel.execute("String nothing = null; nothing"))));
    }

    @Test
    @Order(3)
    void printedTextArrivesAsStreamsBeforeTheResult() {
        KernelClient.Exchange run = kernel.execute("System.out.println(\"hello\");\nSystem.err.println(\"careful\");\n42");
        List<String> types = run.iopub().stream().map(KernelClient.Msg::type).toList();
        assertEquals("hello\n", textOf(run, "stdout"));
        assertEquals("careful\n", textOf(run, "stderr"));
        assertTrue(types.lastIndexOf("stream") < types.indexOf("execute_result"), types.toString());
    }

    @Test
    @Order(3)
    void fiftyThousandPrintedLinesAllArriveInOrderAndTheCellGoesIdle() {
        KernelClient.Exchange run = executeOk(
                "for (int i = 0; i < 50_000; i++) System.out.println(\"line \" + i + \" \" + \"y\".repeat(90));");
        String[] lines = textOf(run, "stdout").split("\n", -1);
        assertEquals(50_001, lines.length, "50,000 lines and the empty rest after the last newline");
        for (int i = 0; i < 50_000; i++) {
            assertEquals("line " + i + " " + "y".repeat(90), lines[i], "line " + i);
        }
        assertTrue(run.ofType("stream").size() < 1_000,
                "output is batched into few messages, got " + run.ofType("stream").size());
    }

    @Test
    @Order(3)
    void outputBeyondTheCellLimitIsCutWithANote() {
        // 100,000 lines of 100 bytes: 10,000,000 bytes, more than the 8 MiB a cell shows.
        KernelClient.Exchange run = executeOk(
                "for (int i = 0; i < 100_000; i++) System.out.println(\"x\".repeat(99));\n\"done\"");
        assertEquals("done", plain(result(run)), "the cell runs on past the limit");
        String text = textOf(run, "stdout");
        int noteAt = text.lastIndexOf("\n[output truncated: ");
        assertTrue(noteAt > 0, "a truncation note ends the output");
        int shown = noteAt;
        assertTrue(shown <= JupyterStreamOutput.CELL_LIMIT_BYTES && shown > JupyterStreamOutput.CELL_LIMIT_BYTES - 200,
                "about 8 MiB shown, got " + shown);
        assertTrue(text.substring(noteAt).startsWith("\n[output truncated: " + (10_000_000 - shown) + " more bytes not shown"),
                text.substring(noteAt));
        assertEquals("fresh\n", textOf(kernel.execute("System.out.println(\"fresh\");"), "stdout"),
                "the next cell starts with its own limit");
    }

    @Test
    @Order(4)
    void imagesAndChartsAreShownAsPng() {
        JsonObject image = result(kernel.execute("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)"));
        assertTrue(image.getAsJsonObject("data").has("image/png"));
        JsonObject chart = result(kernel.execute("""
                var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(120).title("loss").build();
                chart.addSeries("train", new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3});
                chart"""));
        String png = chart.getAsJsonObject("data").get("image/png").getAsString();
        assertTrue(png.startsWith("iVBORw0KGgo"), "base64 PNG signature");
    }

    @Test
    @Order(5)
    void displayAndUpdateDisplayRedrawInPlace() {
        KernelClient.Exchange run = kernel.execute("""
                String id = display("<b>epoch 1</b>", "text/html");
                updateDisplay(id, "<b>epoch 2</b>", "text/html");
                var sink = dev.jft.viz.Displays.sink();
                sink.update(sink.display("batch 1"), "batch 2");""");
        List<KernelClient.Msg> shown = run.ofType("display_data");
        List<KernelClient.Msg> updated = run.ofType("update_display_data");
        assertEquals(2, shown.size());
        assertEquals(2, updated.size());
        assertEquals("<b>epoch 1</b>", shown.get(0).content().getAsJsonObject("data").get("text/html").getAsString());
        assertEquals("<b>epoch 2</b>", updated.get(0).content().getAsJsonObject("data").get("text/html").getAsString());
        assertEquals(displayId(shown.get(0)), displayId(updated.get(0)));
        assertEquals("batch 2", updated.get(1).content().getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(displayId(shown.get(1)), displayId(updated.get(1)));
    }

    @Test
    @Order(6)
    void runtimeErrorNamesTheJavaClassAndShowsTheLearnersFramesFirst() {
        kernel.execute("int divide(int a, int b) {\n    return a / b;\n}");
        KernelClient.Exchange run = kernel.execute("divide(1, 0)");
        assertEquals("error", run.status());
        JsonObject error = run.ofType("error").get(0).content();
        assertEquals("java.lang.ArithmeticException", error.get("ename").getAsString());
        assertEquals("/ by zero", error.get("evalue").getAsString());
        List<String> traceback = strings(error, "traceback");
        assertTrue(traceback.get(1).contains("divide") && traceback.get(1).contains("return a / b;"), traceback.toString());
        assertTrue(traceback.get(2).contains("divide(1, 0)"), traceback.toString());
        assertTrue(traceback.stream().anyMatch(l -> l.matches("\\s*\\.\\.\\. \\d+ internal frames")), traceback.toString());
        assertEquals("java.lang.ArithmeticException", run.reply().get("ename").getAsString());
    }

    @Test
    @Order(7)
    void compileErrorPointsAtTheProblem() {
        KernelClient.Exchange run = kernel.execute("int fine = 1;\n\nint number = \"seven\";");
        JsonObject error = run.ofType("error").get(0).content();
        assertEquals("CompilationException", error.get("ename").getAsString());
        List<String> traceback = strings(error, "traceback");
        assertEquals("In [" + executionCount(run) + "], line 3:", traceback.get(0), "the cell as the notebook labels it");
        assertEquals("int number = \"seven\";", traceback.get(1));
        assertEquals("             ^^^^^^^", traceback.get(2));
        assertTrue(traceback.get(3).contains("incompatible types"), traceback.toString());
    }

    @Test
    @Order(7)
    void runtimeErrorsNameTheCellsAndLinesTheLearnerSees() {
        int definedIn = executionCount(executeOk("""
                int offset = 0;

                int ratio(int total, int part) {
                    int scaled = total * 100;
                    return scaled / part;
                }"""));
        KernelClient.Exchange run = kernel.execute("int none = 0;\nSystem.out.println(\"computing\");\nratio(5, none)");
        List<String> traceback = strings(run.ofType("error").get(0).content(), "traceback");
        assertEquals("    at ratio (In [" + definedIn + "], line 5): return scaled / part;", traceback.get(1));
        assertEquals("    at cell code (In [" + executionCount(run) + "], line 3): ratio(5, none)", traceback.get(2));

        KernelClient.Exchange afterMagic = kernel.execute("%classpath .\n\nint zero = 0;\n1 / zero");
        assertEquals("    at cell code (In [" + executionCount(afterMagic) + "], line 4): 1 / zero",
                strings(afterMagic.ofType("error").get(0).content(), "traceback").get(1), "magic lines count too");
    }

    @Test
    @Order(7)
    void errorsInLoadedCodeNameTheFileAndItsLine(@TempDir Path dir) throws Exception {
        Path helpers = Files.writeString(dir.resolve("helpers.jsh"),
                "int spare = 1;\n\nint share(int total, int parts) {\n    return total / parts;\n}\n");
        executeOk("%load " + helpers);
        KernelClient.Exchange run = kernel.execute("int none = 0;\nshare(1, none)");
        List<String> traceback = strings(run.ofType("error").get(0).content(), "traceback");
        assertEquals("    at share (" + helpers + ", line 4): return total / parts;", traceback.get(1));
        assertEquals("    at cell code (In [" + executionCount(run) + "], line 2): share(1, none)", traceback.get(2));

        Path failing = Files.writeString(dir.resolve("failing.jsh"), "int zero = 0;\nint boom = 1 / zero;\n");
        KernelClient.Exchange whileLoading = kernel.execute("%load " + failing);
        assertEquals("    at cell code (" + failing + ", line 2): int boom = 1 / zero;",
                strings(whileLoading.ofType("error").get(0).content(), "traceback").get(1));

        Path broken = Files.writeString(dir.resolve("broken.jsh"), "int fine = 1;\nint number = \"seven\";\n");
        KernelClient.Exchange compile = kernel.execute("%load " + broken);
        assertEquals(broken + ", line 2:", strings(compile.ofType("error").get(0).content(), "traceback").get(0));

        KernelClient.Exchange afterLoad = kernel.execute("%load " + helpers + "\nint z = 0;\n1 / z");
        assertEquals("    at cell code (In [" + executionCount(afterLoad) + "], line 3): 1 / z",
                strings(afterLoad.ofType("error").get(0).content(), "traceback").get(1),
                "after the file, the loading cell's own code is named by the cell again");
    }

    @Test
    @Order(7)
    void silentRequestsTakeNoExecutionCountAndBroadcastNoInputOrResult() {
        int before = executionCount(executeOk("int seen = 1;"));
        KernelClient.Exchange silent = kernel.executeSilently("int quiet(int x) {\n    return 10 / x;\n}\nseen + 1");
        assertEquals("ok", silent.status(), silent.toString());
        assertTrue(silent.ofType("execute_input").isEmpty(), silent.iopub().toString());
        assertTrue(silent.ofType("execute_result").isEmpty(), silent.iopub().toString());
        assertEquals(before, silent.reply().get("execution_count").getAsInt(), "the last cell's count, not a new one");

        KernelClient.Exchange next = kernel.execute("int nothing = 0;\nquiet(nothing)");
        assertEquals(before + 1, executionCount(next), "the silent request used no number");
        List<String> traceback = strings(next.ofType("error").get(0).content(), "traceback");
        assertEquals("    at quiet (silent request, line 2): return 10 / x;", traceback.get(1));
        assertEquals("    at cell code (In [" + (before + 1) + "], line 2): quiet(nothing)", traceback.get(2));
    }

    @Test
    @Order(7)
    void exerciseFailuresNameTheCellThatDefinedTheSubmission() {
        int definedIn = executionCount(executeOk("""
                java.util.function.ToDoubleBiFunction<int[], int[]> accuracy = (predictions, labels) -> {
                    int correct = 0;
                    return correct / (labels.length - labels.length);
                };"""));
        String message = firstAccuracyTestMessage("accuracy");
        assertEquals("ArithmeticException: / by zero\n  at lambda in cell code (In [" + definedIn
                + "], line 3): return correct / (labels.length - labels.length);", message);
    }

    @Test
    @Order(7)
    void errorWhileShowingAResultIsReported() {
        KernelClient.Exchange run = kernel.execute(
                "new Object() { public String toString() { throw new IllegalStateException(\"no text\"); } }");
        assertEquals("error", run.status());
        assertEquals("java.lang.IllegalStateException", run.reply().get("ename").getAsString());
        assertEquals("could not display the result: no text", run.reply().get("evalue").getAsString());
    }

    @Test
    @Order(8)
    void kernelKeepsItsStateAfterErrors() {
        KernelClient.Exchange run = kernel.execute("divide(6, 3) + a");
        assertEquals("ok", run.status());
        assertEquals("4", plain(result(run)));
    }

    @Test
    @Order(9)
    void completionInspectionAndCompleteness() {
        kernel.execute("String greeting = \"hi\";");
        String code = "%classpath .\nint n = 1; greeting.len";
        JsonObject completion = kernel.request("complete_request", cursorContent(code, code.length())).reply();
        assertTrue(strings(completion, "matches").contains("length()"), completion.toString());
        assertEquals(code.indexOf("len"), completion.get("cursor_start").getAsInt());
        assertEquals(code.length(), completion.get("cursor_end").getAsInt());

        JsonObject inspect = kernel.request("inspect_request", cursorContent("Math.max(1, 2)", 6)).reply();
        assertTrue(inspect.get("found").getAsBoolean());
        assertTrue(inspect.getAsJsonObject("data").get("text/plain").getAsString().contains("Math.max(int a, int b)"));

        assertEquals("complete", isComplete("int x = 1;"));
        assertEquals("incomplete", isComplete("void f() {"));
    }

    @Test
    @Order(10)
    void interruptEndsAnEndlessLoopAndTheNextCellRuns() throws Exception {
        String id = kernel.submit(KernelClient.ENDLESS_CELL);
        kernel.awaitOutput(id, KernelClient.RUNNING, 30_000);
        kernel.interrupt(); // the base library answers with an empty content
        KernelClient.Exchange run = kernel.finish(id, 10_000);
        assertEquals("error", run.status());
        assertEquals("EvaluationInterruptedException", run.reply().get("ename").getAsString());
        assertEquals("3", plain(result(kernel.execute("1 + 2"))));
    }

    @Test
    @Order(10)
    void sigintAlsoInterruptsTheRunningCell() throws Exception {
        KernelClient.Exchange run = kernel.submitEndlessCellThenSigint();
        assertEquals("EvaluationInterruptedException", run.reply().get("ename").getAsString());
        assertTrue(kernel.process().isAlive());
        assertEquals("ok", kernel.execute("1").status());
    }

    @Test
    @Order(11)
    void cellsStopAfterIjavaTimeout() throws Exception {
        try (KernelClient limited = KernelClient.start(Map.of("IJAVA_TIMEOUT", String.valueOf(TIMEOUT_MS)))) {
            KernelClient.Exchange run = limited.execute("long spins = 0;\nwhile (true) { spins++; }");
            assertEquals("EvaluationTimeoutException", run.reply().get("ename").getAsString());
            assertEquals("cell timed out after " + TIMEOUT_MS + " ms", run.reply().get("evalue").getAsString());
            assertEquals("ok", limited.execute("1").status());
        }
    }

    @Test
    @Order(12)
    void jarsMagicAddsAJarBuiltHere(@TempDir Path dir) throws Exception {
        Path jar = buildGreeterJar(dir);
        KernelClient.Exchange run = kernel.execute("%jars " + jar.getParent() + "/*.jar\nnew demo.Greeter().hello(\"kernel\")");
        assertEquals("ok", run.status(), run.toString());
        assertEquals("hello kernel", plain(result(run)));

        KernelClient.Exchange unknown = kernel.execute("%nosuchmagic");
        assertEquals("MagicException", unknown.reply().get("ename").getAsString());
        assertTrue(unknown.reply().get("evalue").getAsString().contains("%jars"));
    }

    @Test
    @Order(13)
    void systemExitAndHaltInACellAreBlockedAndTheKernelKeepsItsVariables() {
        executeOk("int survivor = 41;");
        JsonObject exit = kernel.execute("System.out.println(\"before\");\nSystem.exit(0);").reply();
        assertEquals("java.lang.SecurityException", exit.get("ename").getAsString());
        assertTrue(exit.get("evalue").getAsString().startsWith(
                "System.exit(0) was blocked: it would stop the kernel and lose every variable."), exit.toString());
        assertTrue(exit.get("evalue").getAsString().contains("Kernel → Restart"), exit.toString());
        JsonObject halt = kernel.execute("Runtime.getRuntime().halt(1);").reply();
        assertTrue(halt.get("evalue").getAsString().startsWith("Runtime.getRuntime().halt(1) was blocked"), halt.toString());
        JsonObject fromAThread = kernel.execute("""
                Thread t = new Thread(() -> Runtime.getRuntime().exit(3));
                t.start();
                t.join();""").reply();
        assertEquals("ok", fromAThread.get("status").getAsString(), "the thread died of the SecurityException");
        assertTrue(kernel.process().isAlive());
        assertEquals("42", plain(result(kernel.execute("survivor + 1"))));
    }

    @Test
    @Order(13)
    void systemExitInAGradedExerciseFailsTheTestAndTheKernelKeepsItsVariables() {
        executeOk("int graded = 1;");
        executeOk("java.util.function.ToDoubleBiFunction<int[], int[]> exits = (p, l) -> { System.exit(0); return 0; };");
        String message = firstAccuracyTestMessage("exits");
        assertTrue(message.startsWith("SecurityException: System.exit(0) was blocked: it would stop the kernel"), message);
        assertTrue(kernel.process().isAlive());
        assertEquals("2", plain(result(kernel.execute("graded + 1"))));
    }

    @Test
    @Order(13)
    void underTheGuardCommonPoolWorkersAreInnocuousYetParallelStreamsInCellsWork() {
        assumeTrue(Runtime.version().feature() == 17, "what ExitGuard's comment states for JDK 17");
        assertEquals("java.util.concurrent.ForkJoinWorkerThread$InnocuousForkJoinWorkerThread",
                plain(result(executeOk("""
                        var worker = new CompletableFuture<String>();   // get() on a pool task could run it here instead
                        ForkJoinPool.commonPool().execute(() -> worker.complete(Thread.currentThread().getClass().getName()));
                        worker.get()"""))),
                "the pool exists before the guard, yet its workers started later are innocuous");
        assertEquals(String.valueOf(java.util.stream.IntStream.range(0, 100_000).map(i -> i % 7).sum()),
                plain(result(executeOk("java.util.stream.IntStream.range(0, 100_000).parallel().map(i -> i % 7).sum()"))));
    }

    @Test
    @Order(100)
    void shutdownRepliesAndTheProcessExits() throws Exception {
        JsonObject reply = kernel.shutdown();
        assertFalse(reply.get("restart").getAsBoolean());
        assertTrue(kernel.process().waitFor(20, TimeUnit.SECONDS), "kernel process still running after shutdown");
        assertEquals(0, kernel.process().exitValue());
    }

    private static Path buildGreeterJar(Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/demo")).resolve("Greeter.java");
        Files.writeString(source, "package demo; public class Greeter { public String hello(String who) { return \"hello \" + who; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status);
        Path jar = Files.createDirectories(dir.resolve("lib")).resolve("greeter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo/Greeter.class"));
            try (OutputStream entry = out) {
                Files.copy(classes.resolve("demo/Greeter.class"), entry);
            }
        }
        return jar;
    }

    /** The number the notebook shows for the cell run in {@code run}: {@code In [n]}. */
    private static int executionCount(KernelClient.Exchange run) {
        return run.ofType("execute_input").get(0).content().get("execution_count").getAsInt();
    }

    /** Grades the lambda in variable {@code submission} with exercise welcome-accuracy's tests, as Quiz.check does. */
    private static String firstAccuracyTestMessage(String submission) {
        return plain(result(executeOk("""
                var exercise = new dev.jft.quiz.bank.Exercise("t-accuracy", "test", "Accuracy", "s", "stub", "accuracy",
                        java.util.function.ToDoubleBiFunction.class.getName(),
                        List.of("dev.jft.quiz.exercises.welcome.AccuracyTest"), 5);
                dev.jft.quiz.check.ExerciseRunner.run(exercise, %s).outcomes().get(0).message()""".formatted(submission))));
    }

    /** Runs {@code code}, which must succeed. */
    private static KernelClient.Exchange executeOk(String code) {
        KernelClient.Exchange run = kernel.execute(code);
        assertEquals("ok", run.status(), () -> "reply " + run.reply());
        return run;
    }

    private static String isComplete(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return kernel.request("is_complete_request", content).reply().get("status").getAsString();
    }

    private static JsonObject cursorContent(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        content.addProperty("detail_level", 0);
        return content;
    }

    private static JsonObject result(KernelClient.Exchange run) {
        List<KernelClient.Msg> results = run.ofType("execute_result");
        assertEquals(1, results.size(), "one execute_result expected, got " + run.iopub() + " reply " + run.reply());
        return results.get(0).content();
    }

    private static String plain(JsonObject result) {
        return result.getAsJsonObject("data").get("text/plain").getAsString();
    }

    private static String textOf(KernelClient.Exchange run, String stream) {
        StringBuilder text = new StringBuilder();
        run.ofType("stream").stream()
                .filter(m -> m.content().get("name").getAsString().equals(stream))
                .forEach(m -> text.append(m.content().get("text").getAsString()));
        return text.toString();
    }

    private static String displayId(KernelClient.Msg msg) {
        return msg.content().getAsJsonObject("transient").get("display_id").getAsString();
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getAsJsonArray(member).asList().stream().map(e -> e.getAsString()).toList();
    }
}
