/**
 * Pretrained BERT encoders and classification heads, and a GPT-2 decoder, in pure DJL.
 *
 * <ul>
 *   <li>{@link dev.jft.model.ModelCatalog}: the three shipped encoders (weights from ONNX files on the
 *       classpath, read by {@link dev.jft.model.OnnxWeights}), {@link dev.jft.model.ModelCard}.</li>
 *   <li>{@link dev.jft.model.BertEncoder}: Hugging Face-exact BERT from DJL blocks (checked against
 *       ONNX Runtime to a few 1e-6).</li>
 *   <li>{@link dev.jft.model.SequenceClassifier}, {@link dev.jft.model.TokenClassifier}: encoder + head;
 *       forward takes {@code TokenBatch.inputs(manager)} and returns {@code NDList(logits)}.</li>
 *   <li>{@link dev.jft.model.HfCheckpoints}, {@link dev.jft.model.Safetensors}: the Hugging Face hub
 *       layout in and out.</li>
 *   <li>{@link dev.jft.model.TextClassifierPredictor}: texts to labels and probabilities.</li>
 *   <li>{@link dev.jft.model.SentenceEmbeddings}: texts to vectors (masked mean or CLS pooling), with
 *       cosine similarity.</li>
 *   <li>{@link dev.jft.model.Checkpoint#withRandomWeights(long)} and the builders' {@code randomWeights(seed)}:
 *       an encoder of the same shape with no pretrained weights, for training from scratch.</li>
 *   <li>{@link dev.jft.model.Gpt2Decoder}: Hugging Face-exact GPT-2 ({@code GPT2LMHeadModel}, checked
 *       against a plain PyTorch forward to a few 1e-6) with a {@link dev.jft.model.KeyValueCache};
 *       {@link dev.jft.model.Gpt2Checkpoints} loads and saves hub folders ({@link dev.jft.model.Gpt2Checkpoint},
 *       {@link dev.jft.model.Gpt2Config}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     SequenceClassifier model = SequenceClassifier.builder()
 *             .encoder("all-MiniLM-L6-v2").labels("negative", "positive").seed(42).build(manager);
 *     try (TextClassifierPredictor predictor = new TextClassifierPredictor(model, 128, 32)) {
 *         predictor.predict("A delightful film");
 *     }
 * }
 * }</pre>
 */
package dev.jft.model;
