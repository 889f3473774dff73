package dev.jft.model;

import ai.djl.nn.Parameter;

/**
 * One trainable parameter of a classifier, with what a trainer needs to treat it: which part it
 * belongs to, its layer, and whether weight decay applies.
 *
 * <pre>{@code
 * for (ModelParameter p : classifier.parameters()) {
 *     p.parameter().freeze(!p.head() && p.layer() < topLayers); // train only the top of the encoder
 * }
 * }</pre>
 *
 * @param name Hugging Face style name (fused query/key/value weights are named "...self.qkv.weight")
 * @param parameter the DJL parameter
 * @param head true for the classification head, false for the encoder
 * @param layer depth: 0 for the embeddings, 1..L for transformer layers, L + 1 for the head
 * @param noWeightDecay true for biases and LayerNorm weights (by convention not decayed)
 */
public record ModelParameter(String name, Parameter parameter, boolean head, int layer, boolean noWeightDecay) {

    static ModelParameter of(String name, Parameter parameter, boolean head, int layer) {
        boolean noDecay = name.endsWith(".bias") || name.contains("LayerNorm");
        return new ModelParameter(name, parameter, head, layer, noDecay);
    }
}
