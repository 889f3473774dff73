package dev.jft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * GPT-2's "Conv1D": an affine map whose weight is stored [in, out] ({@code y = x W + b}), the
 * transpose of a {@code Linear}'s [out, in]. Keeping GPT-2's layout means its tensors load and save
 * as they are, with no transposes.
 */
final class Conv1D extends AbstractBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final int out;

    Conv1D(int in, int out) {
        this.out = out;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(in, out)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).build());
    }

    Parameter weight() {
        return weight;
    }

    Parameter bias() {
        return bias;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        return new NDList(x.matMul(w).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(out)};
    }
}
