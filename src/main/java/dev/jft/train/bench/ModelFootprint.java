package dev.jft.train.bench;

import ai.djl.ndarray.NDManager;
import dev.jft.data.SentimentData;
import dev.jft.data.Sentence;
import dev.jft.model.ModelCatalog;
import dev.jft.model.SequenceClassifier;
import dev.jft.model.TextClassifierPredictor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resident memory one catalog model needs, measured in a fresh JVM of its own: Linux's peak
 * resident set ({@code VmHWM}) only ever grows, so within one process the second model measured
 * would inherit the first one's peak. The child JVM starts the PyTorch engine, notes its resident
 * memory (the baseline), loads the model, builds a sequence classifier and classifies 32 reviews
 * in one batch (128 tokens at most), then reports its peak.
 *
 * <pre>{@code
 * ModelFootprint f = ModelFootprint.measure("all-MiniLM-L6-v2");
 * f.addedMb();       // what loading and running the model added to the process, in MB
 * f.loadSeconds();   // reading the weights and building the classifier in a fresh JVM
 * }</pre>
 *
 * @param model catalog name
 * @param loadSeconds seconds to read the weights from the model's jar and build the classifier (cold JVM)
 * @param baselineMb resident MB of the child JVM with the engine started, before the model
 * @param peakMb peak resident MB of the child JVM
 */
public record ModelFootprint(String model, double loadSeconds, long baselineMb, long peakMb) {

    private static final Pattern LINE = Pattern.compile("footprint load_s=([0-9.]+) baseline_mb=(\\d+) peak_mb=(\\d+)");
    private static final long TIMEOUT_S = 300;

    /** MB the model added to the process at its peak. */
    public long addedMb() {
        return peakMb - baselineMb;
    }

    /** Measures {@code model} in a child JVM (a few seconds: JVM and engine start, model load, one batch). */
    public static ModelFootprint measure(String model) {
        ModelCatalog.mavenCoordinate(model); // fails early, naming the valid models
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", classPath(), ModelFootprint.class.getName(), model));
        Process process = null;
        Path log = null;
        try {
            // Output goes to a file, not a pipe: reading a pipe to its end would wait for the child to
            // exit and make the timeout below unreachable.
            log = Files.createTempFile("jft-footprint-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new IllegalStateException("Measuring " + model + " in a child JVM took over " + TIMEOUT_S
                        + " s; it was stopped. Its output so far:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Measuring " + model + " in a child JVM failed:\n" + output);
            }
            Matcher m = LINE.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("The child JVM for " + model + " printed no figures:\n" + output);
            }
            return new ModelFootprint(model, Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run a child JVM to measure " + model, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring " + model, e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();   // interrupted or timed out: the child must not outlive the cell
            }
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** The child's entry point: {@code java ... ModelFootprint <model>}. */
    public static void main(String[] args) throws Exception {
        List<String> texts = SentimentData.load().records().stream().limit(32).map(Sentence::text).toList();
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.ones(new ai.djl.ndarray.types.Shape(4, 4)).matMul(manager.ones(new ai.djl.ndarray.types.Shape(4, 4)));
            System.gc();
            long baseline = ProcessMemory.residentMb();
            long start = System.nanoTime();
            SequenceClassifier classifier = SequenceClassifier.builder().encoder(args[0])
                    .labels(SentimentData.LABELS.labels()).seed(1).build(manager);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            try (TextClassifierPredictor predictor = new TextClassifierPredictor(classifier, 128, 32)) {
                predictor.predict(texts);
            }
            System.out.println("footprint load_s=" + String.format(java.util.Locale.ROOT, "%.3f", loadSeconds)
                    + " baseline_mb=" + baseline + " peak_mb=" + ProcessMemory.peakResidentMb());
        }
    }

    /** This JVM's class path, with the course library's own location added when it is not on it (IJava). */
    static String classPath() {
        String path = System.getProperty("java.class.path", "");
        try {
            String own = Path.of(ModelFootprint.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            if (!List.of(path.split(File.pathSeparator)).contains(own)) {
                path = own + File.pathSeparator + path;
                String home = System.getenv("COURSE_HOME");
                Path listed = home == null ? null : Path.of(home, "target", "classpath.txt");
                if (listed != null && Files.isReadable(listed)) {
                    path = path + File.pathSeparator + Files.readString(listed).trim();
                }
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            // keep java.class.path as it is
        }
        return path;
    }
}
