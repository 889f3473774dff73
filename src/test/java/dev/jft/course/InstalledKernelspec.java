package dev.jft.course;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests that run notebooks through Jupyter: the course kernelspec that {@code ./course setup}
 * installs, found through the {@code JUPYTER_PATH} that Surefire sets.
 */
public final class InstalledKernelspec {

    private InstalledKernelspec() {}

    /** Skips the calling test, saying how to fix it, when the course kernelspec is not installed. */
    public static void assumeInstalled() {
        String jupyterPath = System.getenv("JUPYTER_PATH");
        assumeTrue(jupyterPath != null && Files.exists(Path.of(jupyterPath.split(":")[0], "kernels/java/kernel.json")),
                "the course kernelspec is not installed: run ./course setup (./course test does)");
    }
}
