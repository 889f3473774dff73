package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hand-written ONNX protobuf with the shapes of a real export. */
class OnnxWeightsTest {

    @Test
    void renamesMatMulWeightsAfterTheirNodeAndTransposesThem() throws IOException {
        byte[] graph = concat(
                field(1, node("/encoder/layer.3/attention/self/query/MatMul", "MatMul", "hidden", "onnx::MatMul_812")),
                field(5, rawTensor("onnx::MatMul_812", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})),
                field(5, packedTensor("bert.embeddings.LayerNorm.weight", new long[] {2}, new float[] {7, 8})),
                field(5, int64Tensor("embeddings.position_ids")));
        Map<String, FloatTensor> weights = OnnxWeights.read(new ByteArrayInputStream(field(7, graph)));

        FloatTensor query = weights.get("encoder.layer.3.attention.self.query.weight");
        assertArrayEquals(new long[] {3, 2}, query.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, query.data()); // [in, out] -> [out, in]
        assertArrayEquals(new float[] {7, 8}, weights.get("embeddings.LayerNorm.weight").data());
        assertFalse(weights.containsKey("embeddings.position_ids"));
        assertEquals(2, weights.size());
    }

    private static byte[] node(String name, String opType, String... inputs) throws IOException {
        return message(out -> {
            for (String input : inputs) {
                out.writeString(1, input);
            }
            out.writeString(2, name + "_output_0");
            out.writeString(3, name);
            out.writeString(4, opType);
        });
    }

    private static byte[] rawTensor(String name, long[] dims, float[] values) throws IOException {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, 1);
            out.writeString(8, name);
            out.writeBytes(9, ByteString.copyFrom(raw.array()));
        });
    }

    private static byte[] packedTensor(String name, long[] dims, float[] values) throws IOException {
        return message(out -> {
            out.writeTag(1, 2);
            int size = 0;
            for (long d : dims) {
                size += CodedOutputStream.computeInt64SizeNoTag(d);
            }
            out.writeUInt32NoTag(size);
            for (long d : dims) {
                out.writeInt64NoTag(d);
            }
            out.writeInt32(2, 1);
            out.writeTag(4, 2);
            out.writeUInt32NoTag(values.length * 4);
            for (float v : values) {
                out.writeFloatNoTag(v);
            }
            out.writeString(8, name);
        });
    }

    private static byte[] int64Tensor(String name) throws IOException {
        return message(out -> {
            out.writeInt64(1, 1);
            out.writeInt32(2, 7);
            out.writeString(8, name);
            out.writeInt64(7, 0);
        });
    }

    interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] field(int number, byte[] content) throws IOException {
        return message(out -> out.writeByteArray(number, content));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
