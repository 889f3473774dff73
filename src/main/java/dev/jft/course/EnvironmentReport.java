package dev.jft.course;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.jft.data.Datasets;
import dev.jft.model.ModelCatalog;
import dev.jft.viz.IJavaDisplay;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The environment check of the welcome lesson: Java, DJL, devices, cores, memory, and which
 * pretrained models and data sets are present, as a table.
 *
 * <pre>{@code
 * Table report = EnvironmentReport.table(); // shown as HTML in a notebook
 * }</pre>
 */
public final class EnvironmentReport {

    static {
        IJavaDisplay.install(); // under IJava: charts, tables and quiz results show richly (no-op elsewhere)
    }

    private EnvironmentReport() {}

    /** One row per check: what was checked and what was found. */
    public static Table table() {
        StringColumn check = StringColumn.create("check");
        StringColumn found = StringColumn.create("found");
        Engine engine = Engine.getInstance();
        add(check, found, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        add(check, found, "DJL", Engine.getDjlVersion());
        add(check, found, "Engine", engine.getEngineName() + " " + engine.getVersion());
        add(check, found, "Default device", engine.defaultDevice().toString());
        add(check, found, "GPUs", gpuSummary(engine.getGpuCount()));
        add(check, found, "CPU cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        add(check, found, "Matrix library", MatrixLibrary.status());
        add(check, found, "Memory (machine)", gib(physicalMemoryBytes()));
        add(check, found, "Memory (Java heap max)", gib(Runtime.getRuntime().maxMemory()));
        add(check, found, "Fast mode", Course.fast() ? "on (COURSE_FAST=1)" : "off");
        for (String model : ModelCatalog.names()) {
            add(check, found, "Model " + model, ModelCatalog.isAvailable(model) ? "present"
                    : "missing: add " + ModelCatalog.mavenCoordinate(model) + " to pom.xml and run ./course setup");
        }
        for (String dataset : Datasets.names()) {
            add(check, found, "Data set " + dataset, Datasets.isReady(dataset) ? "present"
                    : "not fetched yet: run ./course setup (or Datasets.ensure(\"" + dataset + "\"))");
        }
        return Table.create("Environment", check, found);
    }

    private static String gpuSummary(int gpus) {
        if (gpus == 0) {
            return "none: training runs on the CPU";
        }
        return gpus + " (" + Device.gpu() + " is the default)";
    }

    private static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String gib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private static void add(StringColumn check, StringColumn found, String what, String value) {
        check.append(what);
        found.append(value);
    }
}
