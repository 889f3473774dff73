package dev.jft.kernel;

import dev.jft.kernel.magic.ClasspathMagics;
import dev.jft.kernel.magic.Globs;
import dev.jft.kernel.magic.MagicException;
import dev.jft.kernel.magic.MavenResolver;
import dev.jft.kernel.runtime.Display;
import dev.jft.quiz.check.LearnerFrames;
import dev.jft.viz.Displays;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.JShell;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The course's Java Jupyter kernel: JShell in the kernel's own JVM, speaking IJava's dialect
 * (display functions, magics, {@code IJAVA_*} settings), so IJava notebooks run unchanged.
 *
 * <p>Jupyter starts it with the connection file as the only argument:
 * <pre>{@code
 * java -cp course.jar:deps/* dev.jft.kernel.CourseKernel /path/to/kernel-1234.json
 * }</pre>
 */
public final class CourseKernel extends BaseKernel {

    /** The name notebooks show for this kernel. */
    public static final String DISPLAY_NAME = "Java (fine-tuning course)";

    /** IJava's default imports, and the display functions. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.util.*", "java.io.*", "java.math.*", "java.net.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "static dev.jft.kernel.runtime.Display.*");

    private static final long SHUTDOWN_GRACE_MILLIS = 150;
    private static final int IOPUB_QUEUE_MESSAGES = 100_000;

    /** The parts that need a warmed-up JShell. */
    private record Engine(JShell shell, SnippetRunner runner, CellExecutor cells, CodeAssist assist) {}

    private final CellContext context;
    private final CellLocations locations = new CellLocations();
    private final CompletableFuture<Engine> engine;
    private final CountDownLatch shutdown = new CountDownLatch(1);

    /**
     * A kernel with {@code settings}, publishing cell output through {@code context}. JShell starts
     * on a background thread, so Jupyter's handshake overlaps with the compiler warming up.
     */
    public CourseKernel(KernelSettings settings, CellContext context) {
        this.context = context;
        JupyterDisplaySink sink = new JupyterDisplaySink(context, CourseKernel::flushStreams);
        Display.install(sink);
        Displays.install(sink);
        this.engine = CompletableFuture.supplyAsync(() -> startEngine(settings, locations), task -> {
            Thread thread = new Thread(task, "jshell-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static Engine startEngine(KernelSettings settings, CellLocations locations) {
        ResultKeepingExecutionControl control = new ResultKeepingExecutionControl(settings.timeoutMillis());
        JShell shell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .compilerOptions(settings.compilerOptions().toArray(String[]::new))
                .build();
        // The course library and its dependencies are usable without any magic.
        shell.addToClasspath(System.getProperty("java.class.path"));
        SnippetRunner runner = new SnippetRunner(shell, control, note -> System.err.println(note), locations);
        // Exercise failures name learner frames as cell errors do: In [5], line 3.
        LearnerFrames.nameFramesWith(frame -> locations.locate(frame).map(at -> runner.errors().describeLearnerFrame(frame)));
        CellExecutor[] self = new CellExecutor[1]; // %load runs files through the executor being built
        KernelMagics.FileRunner loadFile = (file, code) -> {
            try (CellLocations.Scope inFile = locations.enterFile(file)) { // errors name the file and its line
                return self[0].execute(code);
            }
        };
        CellExecutor cells = new CellExecutor(runner, KernelMagics.standard(shell::addToClasspath, new MavenResolver(), loadFile));
        self[0] = cells;
        startUp(settings, shell, cells);
        runStartup(cells, "warm-up", "if (true) { }"); // compiles and runs once, so the first cell is quicker
        return new Engine(shell, runner, cells, new CodeAssist(shell.sourceCodeAnalysis()));
    }

    /** Starts the kernel on the connection file {@code args[0]} and serves until shutdown. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java dev.jft.kernel.CourseKernel <connection-file>  (Jupyter passes {connection_file})");
            System.exit(2);
        }
        quietLogging();
        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        CellContext context = new CellContext();
        System.setOut(JupyterStreamOutput.printStream(context, PublishStream.StreamType.OUT, System.out));
        System.setErr(JupyterStreamOutput.printStream(context, PublishStream.StreamType.ERR, System.err));
        CourseKernel kernel = new CourseKernel(KernelSettings.fromEnvironment(System.getenv()), context);
        JupyterConnection jupyter = new JupyterConnection(connection);
        // ZeroMQ drops IOPub messages beyond its send queue (1000 by default), the status that ends a
        // cell included; printed text is batched, but displays updated in a tight loop still add up.
        jupyter.getIOPub().setSndHWM(IOPUB_QUEUE_MESSAGES);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        SignalInterrupt.install(kernel::interrupt);
        ExitGuard.install(); // after the handshake is set up: its note, if any, goes to the kernel log
        ParentWatchdog.fromEnvironment(System.getenv()).ifPresent(ParentWatchdog::start);
        kernel.awaitShutdown();
        Thread.sleep(SHUTDOWN_GRACE_MILLIS); // let the shutdown reply leave before the sockets go
        System.exit(0);
    }

    private static void quietLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING); // the base library logs every message at INFO
        root.getHandlers(); // create the console handler now, on the real stderr
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST,
                new ExecuteHandler(this::executeCell, context, executionCount, CourseKernel::flushStreams, locations));
        ShellHandler<ShutdownRequest> replyAndClose = connection.getHandler(MessageType.SHUTDOWN_REQUEST);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, message) -> {
            replyAndClose.handle(env, message);
            shutdown.countDown();
        });
    }

    /** Blocks until a {@code shutdown_request} (restart or not) has been answered. */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    /** Runs a cell as the notebook would (used by {@code %load}). */
    public Evaluation executeCell(String code) throws CellError {
        return engine().cells().execute(code);
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Evaluation result = executeCell(code);
        return result.hasValue() ? DisplayDataRenderer.render(result.value()) : null;
    }

    /**
     * What the kernel reports as {@code language_info}; the notebooks commit the same metadata so that
     * opening one does not mark it changed. The version is Java's feature release ("17"), not the
     * full build string, so that it is the same on every update of a JDK. The CodeMirror mode is a
     * MIME type, {@code text/x-java}, which CodeMirror 5 (the classic notebook's editor) knows; it has
     * no mode named plain {@code java}.
     */
    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo("java", String.valueOf(Runtime.version().feature()), "text/x-java-source", ".jshell",
                "java", "text/x-java", "script");
    }

    @Override
    public String getBanner() {
        return DISPLAY_NAME + ": JShell on Java " + Runtime.version();
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return engine().assist().complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return engine().assist().inspect(code, at);
    }

    @Override
    public String isComplete(String code) {
        return engine().assist().isComplete(code);
    }

    @Override
    public void interrupt() {
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().runner().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        close();
    }

    /** Ends JShell; the kernel cannot run cells afterwards. */
    public void close() {
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().shell().close();
        }
    }

    /** The JShell side, waiting for it to finish starting if needed. */
    private Engine engine() {
        return engine.join();
    }

    private static void startUp(KernelSettings settings, JShell shell, CellExecutor cells) {
        runStartup(cells, "default imports", DEFAULT_IMPORTS.stream().map(i -> "import " + i + ";").reduce("", (a, b) -> a + b + "\n"));
        try {
            for (Path jar : ClasspathMagics.resolveList("IJAVA_CLASSPATH", settings.classpath())) {
                shell.addToClasspath(jar.toString());
            }
            if (!settings.startupScriptsPath().isBlank()) {
                for (Path script : Globs.resolve(settings.startupScriptsPath())) {
                    runStartup(cells, script.toString(), Files.readString(script));
                }
            }
        } catch (MagicException | IOException e) {
            warn("startup: " + e.getMessage());
        }
        if (!settings.startupScript().isBlank()) {
            runStartup(cells, "IJAVA_STARTUP_SCRIPT", settings.startupScript());
        }
    }

    private static void runStartup(CellExecutor cells, String what, String code) {
        try {
            cells.execute(code);
        } catch (CellError e) {
            warn("startup code from " + what + " failed: " + e.name() + ": " + e.value() + "\n" + String.join("\n", e.traceback()));
        }
    }

    private static void warn(String message) {
        PrintStream err = System.err;
        err.println(message);
        err.flush();
    }

    private static void flushStreams() {
        System.out.flush();
        System.err.flush();
    }
}
