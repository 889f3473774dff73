package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void float32RoundTrip() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("a.weight", new FloatTensor(new long[] {2, 2}, new float[] {1, -2, 3.5f, 1e-7f}));
        tensors.put("a.bias", new FloatTensor(new long[] {3}, new float[] {0, 1, 2}));
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, tensors);

        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}"), header);

        Map<String, FloatTensor> back = Safetensors.read(file);
        assertEquals(tensors.keySet(), back.keySet());
        assertArrayEquals(new float[] {1, -2, 3.5f, 1e-7f}, back.get("a.weight").data());
        assertArrayEquals(new long[] {2, 2}, back.get("a.weight").shape());
    }

    @Test
    void readsHalfAndBfloat16AndSkipsIntegers() throws IOException {
        // 1.0, -2.0 in F16 (0x3c00, 0xc000); 1.0, 0.5 in BF16 (0x3f80, 0x3f00); one int64
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]},"
                + "\"embeddings.position_ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3f80).putShort((short) 0x3f00)
                .putLong(0);
        Path file = writeRaw(header, data.array());

        Map<String, FloatTensor> back = Safetensors.read(file);
        assertArrayEquals(new float[] {1f, -2f}, back.get("h").data());
        assertArrayEquals(new float[] {1f, 0.5f}, back.get("b").data());
        assertEquals(2, back.size());
        assertEquals(65504f, Safetensors.halfToFloat(0x7bff));
        assertEquals(0x1p-24f, Safetensors.halfToFloat(0x0001));
    }

    @Test
    void truncatedDataNamesTheTensor() throws IOException {
        String header = "{\"encoder.x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        Path file = writeRaw(header, new byte[8]);
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("encoder.x"), e.getMessage());
        assertTrue(e.getMessage().contains("ends at byte 16") && e.getMessage().contains("only 8 bytes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("re-download"), e.getMessage());
    }

    @Test
    void corruptHeaderSaysSo() throws IOException {
        Path file = writeRaw("{\"encoder.x\":{\"dtype\"", new byte[8]);
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("corrupt header"), e.getMessage());
    }

    private Path writeRaw(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer all = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        all.putLong(json.length).put(json).put(data);
        Path file = dir.resolve("raw.safetensors");
        Files.write(file, all.array());
        return file;
    }
}
