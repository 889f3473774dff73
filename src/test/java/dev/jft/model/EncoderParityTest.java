package dev.jft.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our DJL encoder against ONNX Runtime running the very same .onnx file. */
class EncoderParityTest {

    private static final List<String> SENTENCES = List.of(
            "A short one.",
            "The quick brown fox jumps over the lazy dog, and then it runs far away into the forest.",
            "Fine-tuning pretrained encoders in Java works!",
            "Tokenizers split unbelievably long words into sub-words.");

    @ParameterizedTest
    @ValueSource(strings = {"all-MiniLM-L6-v2", "bge-small-en-v1.5", "e5-small-v2"})
    void lastHiddenStateMatchesOnnxRuntime(String name) throws Exception {
        Checkpoint checkpoint = ModelCatalog.load(name);
        TokenBatch batch;
        try (TextTokenizer tokenizer = TextTokenizer.builder(checkpoint.tokenizerJson()).maxLength(64).build()) {
            batch = tokenizer.encode(SENTENCES);
        }
        float[][][] ours;
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = BertEncoder.pretrained(checkpoint, manager);
            try (NDManager step = manager.newSubManager()) {
                var hidden = encoder.forward(new ParameterStore(step, false), batch.inputs(step), false).head();
                assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, hidden.getDataType());
                ours = reshape(hidden.toFloatArray(), batch.size(), batch.length(), checkpoint.config().hiddenSize());
            }
        }
        float[][][] reference = onnxRuntime(ModelCatalog.entry(name).onnxResource(), batch);

        double maxDiff = 0;
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                if (batch.attentionMask()[b][t] == 0) {
                    continue;
                }
                for (int h = 0; h < ours[b][t].length; h++) {
                    maxDiff = Math.max(maxDiff, Math.abs(ours[b][t][h] - reference[b][t][h]));
                }
            }
        }
        System.out.printf("parity %s: max |ours - onnxruntime| = %.3g on %d x %d tokens%n",
                name, maxDiff, batch.size(), batch.length());
        assertTrue(maxDiff <= 1e-4, name + ": max abs difference " + maxDiff);
    }

    private static float[][][] onnxRuntime(String resource, TokenBatch batch) throws Exception {
        byte[] model;
        try (InputStream in = EncoderParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            model = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            assertEquals(Set.of("input_ids", "attention_mask", "token_type_ids"), session.getInputNames());
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try (OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                    OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                    OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds())) {
                inputs.put("input_ids", ids);
                inputs.put("attention_mask", mask);
                inputs.put("token_type_ids", types);
                try (OrtSession.Result result = session.run(inputs)) {
                    return (float[][][]) result.get(0).getValue();
                }
            }
        }
    }

    static float[][][] reshape(float[] flat, int b, int t, int h) {
        float[][][] out = new float[b][t][h];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                System.arraycopy(flat, (i * t + j) * h, out[i][j], 0, h);
            }
        }
        return out;
    }
}
