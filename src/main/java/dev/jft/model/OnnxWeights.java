package dev.jft.model;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float weights of a BERT ONNX export and names them as Hugging Face does.
 *
 * <p>ONNX files are protobuf messages; this reads the few fields it needs with protobuf's
 * {@link CodedInputStream}, without generated classes. Embeddings, biases and LayerNorms keep their
 * Hugging Face names in the export; dense weights appear as {@code onnx::MatMul_<n>} stored
 * [in, out], so they are renamed after the MatMul node that consumes them and transposed to
 * PyTorch's [out, in].
 *
 * <pre>{@code
 * Map<String, FloatTensor> weights = OnnxWeights.read(Files.newInputStream(path));
 * weights.get("encoder.layer.0.attention.self.query.weight"); // [384, 384]
 * }</pre>
 */
public final class OnnxWeights {

    // Field numbers from onnx.proto.
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int ONNX_FLOAT = 1;

    private OnnxWeights() {}

    /** Reads all float initializers, renamed to Hugging Face BERT names (without a "bert." prefix). */
    public static Map<String, FloatTensor> read(InputStream in) throws IOException {
        CodedInputStream input = CodedInputStream.newInstance(in.readAllBytes());
        input.setSizeLimit(Integer.MAX_VALUE);
        Graph graph = new Graph();
        while (!input.isAtEnd()) {
            int tag = input.readTag();
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                int limit = input.pushLimit(input.readRawVarint32());
                readGraph(input, graph);
                input.popLimit(limit);
            } else {
                input.skipField(tag);
            }
        }
        if (graph.initializers.isEmpty()) {
            throw new IOException("No float weights found: is this an ONNX model with its weights inside?");
        }
        return rename(graph);
    }

    private static Map<String, FloatTensor> rename(Graph graph) {
        Map<String, FloatTensor> named = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : graph.initializers.entrySet()) {
            String matMul = graph.matMulNodeByWeight.get(e.getKey());
            if (matMul != null && e.getKey().startsWith("onnx::")) {
                named.put(denseWeightName(matMul), e.getValue().transpose());
            } else {
                named.put(stripPrefix(e.getKey()), e.getValue());
            }
        }
        return named;
    }

    /** "/encoder/layer.0/attention/self/query/MatMul" becomes "encoder.layer.0.attention.self.query.weight". */
    static String denseWeightName(String nodeName) {
        String path = nodeName.startsWith("/") ? nodeName.substring(1) : nodeName;
        int cut = path.lastIndexOf('/');
        return stripPrefix(path.substring(0, cut).replace('/', '.') + ".weight");
    }

    private static String stripPrefix(String name) {
        return name.startsWith("bert.") ? name.substring("bert.".length()) : name;
    }

    private static void readGraph(CodedInputStream input, Graph graph) throws IOException {
        while (!input.isAtEnd()) {
            int tag = input.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == GRAPH_NODE || field == GRAPH_INITIALIZER) {
                int limit = input.pushLimit(input.readRawVarint32());
                if (field == GRAPH_NODE) {
                    readNode(input, graph);
                } else {
                    readTensor(input, graph);
                }
                input.popLimit(limit);
            } else {
                input.skipField(tag);
            }
        }
    }

    private static void readNode(CodedInputStream input, Graph graph) throws IOException {
        List<String> inputs = new ArrayList<>();
        String name = "";
        String opType = "";
        while (!input.isAtEnd()) {
            int tag = input.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(input.readStringRequireUtf8());
                case NODE_NAME -> name = input.readStringRequireUtf8();
                case NODE_OP_TYPE -> opType = input.readStringRequireUtf8();
                default -> input.skipField(tag);
            }
        }
        if (opType.equals("MatMul") && inputs.size() == 2) {
            graph.matMulNodeByWeight.put(inputs.get(1), name);
        }
    }

    private static void readTensor(CodedInputStream input, Graph graph) throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        float[] floats = null;
        ByteBuffer raw = null;
        while (!input.isAtEnd()) {
            int tag = input.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case TENSOR_DIMS -> readInt64s(input, packed, dims);
                case TENSOR_DATA_TYPE -> dataType = input.readInt32();
                case TENSOR_NAME -> name = input.readStringRequireUtf8();
                case TENSOR_RAW_DATA -> raw = input.readByteBuffer();
                case TENSOR_FLOAT_DATA -> floats = readFloats(input, packed, floats);
                case TENSOR_DATA_LOCATION -> {
                    if (input.readEnum() == 1) {
                        throw new IOException("Tensor " + name + " keeps its data in an external file;"
                                + " export the model with its weights inside the .onnx file");
                    }
                }
                default -> input.skipField(tag);
            }
        }
        if (dataType != ONNX_FLOAT) {
            return; // e.g. int64 position ids: not a weight
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        if (raw != null) {
            floats = new float[raw.remaining() / Float.BYTES];
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
        }
        graph.initializers.put(name, new FloatTensor(shape, floats == null ? new float[0] : floats));
    }

    private static void readInt64s(CodedInputStream input, boolean packed, List<Long> out) throws IOException {
        if (!packed) {
            out.add(input.readInt64());
            return;
        }
        int limit = input.pushLimit(input.readRawVarint32());
        while (!input.isAtEnd()) {
            out.add(input.readInt64());
        }
        input.popLimit(limit);
    }

    private static float[] readFloats(CodedInputStream input, boolean packed, float[] sofar) throws IOException {
        List<Float> values = new ArrayList<>();
        if (packed) {
            int limit = input.pushLimit(input.readRawVarint32());
            while (!input.isAtEnd()) {
                values.add(input.readFloat());
            }
            input.popLimit(limit);
        } else {
            values.add(input.readFloat());
        }
        int start = sofar == null ? 0 : sofar.length;
        float[] out = sofar == null ? new float[values.size()] : java.util.Arrays.copyOf(sofar, start + values.size());
        for (int i = 0; i < values.size(); i++) {
            out[start + i] = values.get(i);
        }
        return out;
    }

    private static final class Graph {
        final Map<String, FloatTensor> initializers = new LinkedHashMap<>();
        final Map<String, String> matMulNodeByWeight = new HashMap<>();
    }
}
