package dev.jft.model;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs work with PyTorch's gradient recording set explicitly. The setting is per thread, and
 * PyTorch turns it on in every new thread; DJL turns it off only in the thread that started the
 * engine. Notebook cells, exercise tests, server workers and device threads are other threads, so
 * the library sets the mode itself wherever it matters: off for inference (no graph is kept) and
 * for in-place weight updates (which PyTorch refuses on recorded weights), on for a training pass.
 *
 * <pre>{@code
 * NDArray logits = GradMode.disabled(() -> model.forward(store, inputs, false).head());
 * }</pre>
 */
public final class GradMode {

    private GradMode() {}

    /** The result of {@code work}, run with gradient recording off on this thread; the previous mode is restored. */
    public static <T> T disabled(Supplier<T> work) {
        return with(false, work);
    }

    /** The result of {@code work}, run with gradient recording on on this thread; the previous mode is restored. */
    public static <T> T enabled(Supplier<T> work) {
        return with(true, work);
    }

    /** Runs {@code work} with gradient recording off on this thread; the previous mode is restored. */
    public static void disabled(Runnable work) {
        with(false, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T with(boolean recording, Supplier<T> work) {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(recording);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
