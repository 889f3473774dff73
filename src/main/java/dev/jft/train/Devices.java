package dev.jft.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a device preference into the devices to train on.
 *
 * <ul>
 *   <li>{@code "auto"}: every GPU the engine sees, else the CPU (DJL's default device);
 *   <li>{@code "cpu"}: the CPU;
 *   <li>{@code "gpu"}: every GPU, or an error when there is none;
 *   <li>{@code "gpu:N"}: GPU number N only.
 * </ul>
 *
 * <p>With the {@code cpu} Maven profile (pytorch-native-cpu on the class path) the engine never
 * sees a GPU, even on a machine that has one: build with the {@code gpu} profile for that.
 *
 * <p><b>Mixed precision:</b> DJL 0.35 with PyTorch has no autocast and no loss scaling, so this
 * library trains in float32 only. (Casting a whole block to float16 is possible but without
 * float32 master weights and loss scaling fine-tuning diverges, so it is not offered.)
 *
 * <pre>{@code
 * List<Device> devices = Devices.choose("auto");
 * }</pre>
 */
public final class Devices {

    private Devices() {}

    /** The devices for {@code preference}, asking the DJL engine how many GPUs it has. */
    public static List<Device> choose(String preference) {
        return choose(preference, Engine.getInstance().getGpuCount());
    }

    /** The devices for {@code preference} on a machine with {@code gpuCount} visible GPUs. */
    public static List<Device> choose(String preference, int gpuCount) {
        String wanted = preference == null ? "auto" : preference.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return gpuCount > 0 ? gpus(gpuCount) : List.of(Device.cpu());
        }
        if (wanted.equals("cpu")) {
            return List.of(Device.cpu());
        }
        if (wanted.equals("gpu") || wanted.startsWith("gpu:")) {
            if (gpuCount == 0) {
                throw new IllegalStateException("A GPU was asked for but the engine sees none. Use \"cpu\" or "
                        + "\"auto\", or run with a CUDA build of PyTorch (Maven profile gpu, without pytorch-native-cpu).");
            }
            if (wanted.equals("gpu")) {
                return gpus(gpuCount);
            }
            int index = parseIndex(wanted.substring(4), preference);
            if (index >= gpuCount) {
                throw new IllegalArgumentException("GPU " + index + " does not exist: the engine sees " + gpuCount
                        + " GPU(s), numbered 0 to " + (gpuCount - 1) + ".");
            }
            return List.of(Device.gpu(index));
        }
        throw new IllegalArgumentException("Unknown device preference '" + preference
                + "': use \"auto\", \"cpu\", \"gpu\" or \"gpu:N\".");
    }

    private static List<Device> gpus(int count) {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            devices.add(Device.gpu(i));
        }
        return List.copyOf(devices);
    }

    private static int parseIndex(String text, String preference) {
        try {
            int index = Integer.parseInt(text);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Bad GPU number in '" + preference + "': write gpu:0, gpu:1, ...");
    }
}
