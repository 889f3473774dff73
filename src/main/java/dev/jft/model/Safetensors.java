package dev.jft.model;

import dev.jft.course.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format of the Hugging Face hub: an 8-byte little-endian header
 * length, a JSON header (dtype, shape, data_offsets per tensor), then the raw little-endian data.
 * Writes F32; reads F32, F16 and BF16 (converted to float). Integer tensors (such as old
 * checkpoints' {@code position_ids}) are skipped: they are not weights.
 *
 * <pre>{@code
 * Safetensors.write(dir.resolve("model.safetensors"), weights);
 * Map<String, FloatTensor> back = Safetensors.read(dir.resolve("model.safetensors"));
 * }</pre>
 */
public final class Safetensors {

    private Safetensors() {}

    /** Writes float32 tensors, in map order. */
    public static void write(Path file, Map<String, FloatTensor> tensors) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        header.add("__metadata__", metadata);
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += e.getValue().size() * Float.BYTES;
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // keeps the data 8-byte aligned
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (FloatTensor t : tensors.values()) {
                ByteBuffer bytes = ByteBuffer.allocate(t.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(t.data());
                out.write(bytes.array());
            }
        }
    }

    /** Reads all floating-point tensors as float32. */
    public static Map<String, FloatTensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new IOException(file + " is not a safetensors file (only " + fileSize + " bytes)");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || 8 + headerLength > fileSize) {
                throw new IOException(file + " is not a safetensors file or is truncated (header length " + headerLength
                        + ", file size " + fileSize + "): re-save or re-download it");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            channel.read(headerBytes, 8);
            JsonObject header;
            try {
                header = Json.parse(new String(headerBytes.array(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (RuntimeException e) { // malformed JSON, or JSON that is not an object
                throw new IOException(file + " has a corrupt header (not a JSON object): re-save or re-download it", e);
            }
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 8 + headerLength, fileSize - 8 - headerLength)
                    .order(ByteOrder.LITTLE_ENDIAN);
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                if (!e.getKey().equals("__metadata__")) {
                    FloatTensor tensor = tensor(file, e.getKey(), e.getValue().getAsJsonObject(), data);
                    if (tensor != null) {
                        tensors.put(e.getKey(), tensor);
                    }
                }
            }
            return tensors;
        }
    }

    private static FloatTensor tensor(Path file, String name, JsonObject entry, ByteBuffer data) throws IOException {
        String dtype = entry.get("dtype").getAsString();
        JsonArray shapeJson = entry.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
        }
        long start = entry.getAsJsonArray("data_offsets").get(0).getAsLong();
        long end = entry.getAsJsonArray("data_offsets").get(1).getAsLong();
        int count = (int) FloatTensor.count(shape);
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "I64", "I32", "I16", "I8", "U8", "BOOL" -> 0;
            default -> throw new IOException(file + ": tensor \"" + name + "\" has unsupported dtype " + dtype);
        };
        if (width == 0) {
            return null;
        }
        long needed = (long) count * width;
        if (end - start != needed || start < 0) {
            throw new IOException(file + ": tensor \"" + name + "\" with shape " + java.util.Arrays.toString(shape)
                    + " and dtype " + dtype + " needs " + needed + " bytes, but its header entry gives "
                    + (end - start) + " (bytes " + start + ".." + end + "): the file is corrupt;"
                    + " re-save or re-download it");
        }
        if (end > data.capacity()) {
            throw new IOException(file + ": tensor \"" + name + "\" ends at byte " + end + " of the data, but the"
                    + " file holds only " + data.capacity() + " bytes of data (" + (end - data.capacity())
                    + " bytes missing): the file is truncated; re-save or re-download it");
        }
        ByteBuffer slice = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        slice.position((int) start).limit((int) end);
        float[] values = new float[count];
        if (width == 4) {
            FloatBuffer floats = slice.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            floats.get(values);
        } else {
            for (int i = 0; i < count; i++) {
                int bits = slice.getShort((int) start + 2 * i) & 0xffff;
                values[i] = dtype.equals("BF16") ? Float.intBitsToFloat(bits << 16) : halfToFloat(bits);
            }
        }
        return new FloatTensor(shape, values);
    }

    /** IEEE 754 half precision to float. */
    static float halfToFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f; // subnormal
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
