package dev.jft.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.jft.course.Folders;
import dev.jft.course.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A training checkpoint on disk. Each epoch goes to its own folder {@code epoch-N}; the text file
 * {@code LATEST} names the newest complete one and is replaced atomically only after that folder
 * is fully written, so an interruption (or a diverged run) always leaves the last good epoch.
 *
 * <p>Contents: {@code model.ndlist} (weights), {@code optimizer.ndlist} (AdamW moments and step),
 * {@code best.ndlist} (weights of the best validation epoch, when known) and {@code state.json}
 * (epoch, schedule step, seed, early-stopping counters, history, settings). The random state needs
 * no file: data order and the engine seed are derived from (seed, epoch) at every epoch start.
 *
 * <pre>{@code
 * Checkpoint.State state = Checkpoint.readState(dir);
 * state.epochsDone();
 * }</pre>
 */
public final class Checkpoint {

    private static final Gson GSON = Json.builder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();
    static final String MODEL = "model.ndlist";
    static final String OPTIMIZER = "optimizer.ndlist";
    static final String BEST = "best.ndlist";
    static final String STATE = "state.json";
    private static final String LATEST = "LATEST";

    private Checkpoint() {}

    /** Settings a resumed run must share with the run that wrote the checkpoint. */
    public record Settings(long seed, int epochs, int accumulationSteps, double learningRate, long totalSteps) {}

    /** Everything but the arrays. */
    public record State(int epochsDone, long step, boolean stoppedEarly, Settings settings,
            EarlyStopping.State stopping, TrainingHistory history) {}

    /** Writes a checkpoint for {@code state} into {@code dir} and marks it as the latest. */
    static void write(Path dir, State state, NDList model, NDList optimizer, NDList best) {
        try {
            Path folder = dir.resolve("epoch-" + state.epochsDone());
            Files.createDirectories(folder);
            Weights.write(model, folder.resolve(MODEL));
            Weights.write(optimizer, folder.resolve(OPTIMIZER));
            if (best != null) {
                Weights.write(best, folder.resolve(BEST));
            }
            Files.writeString(folder.resolve(STATE), toJson(state));
            Path pointer = dir.resolve(LATEST + ".tmp");
            Files.writeString(pointer, folder.getFileName().toString());
            Files.move(pointer, dir.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteOlderThan(dir, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint to " + dir + ": " + e.getMessage()
                    + " (check free disk space and permissions)", e);
        }
    }

    /** What {@link #STATE} holds for {@code state}. */
    static String toJson(State state) {
        return GSON.toJson(state);
    }

    /** Whether {@code dir} holds a complete checkpoint to resume from. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(LATEST));
    }

    /** The folder of the latest complete checkpoint in {@code dir}. */
    public static Path latest(Path dir) {
        Path pointer = dir.resolve(LATEST);
        if (!exists(dir)) {
            throw new IllegalArgumentException("No checkpoint in " + dir + " (no " + LATEST
                    + " file): pass the checkpointDir of an earlier run that finished at least one epoch.");
        }
        try {
            return dir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pointer, e);
        }
    }

    /** The non-array part of the latest checkpoint in {@code dir}. */
    public static State readState(Path dir) {
        try {
            Path file = latest(dir).resolve(STATE);
            try {
                return GSON.fromJson(Files.readString(file), State.class);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("The checkpoint state " + file + " is not valid JSON ("
                        + e.getMessage() + "): the checkpoint is damaged; use an earlier one or train again.", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read checkpoint state in " + dir, e);
        }
    }

    /** One array file ({@link #MODEL}, {@link #OPTIMIZER}, {@link #BEST}) of the latest checkpoint, or null if absent. */
    static NDList readArrays(Path dir, String file, NDManager manager) {
        Path path = latest(dir).resolve(file);
        if (!Files.exists(path)) {
            return null;
        }
        try {
            return Weights.read(path, manager);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }

    private static void deleteOlderThan(Path dir, Path keep) throws IOException {
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith("epoch-") && !p.equals(keep)).toList()) {
                Folders.delete(folder);
            }
        }
    }
}
