package dev.jft.model;

import ai.djl.nn.Parameter;

/**
 * Where one Hugging Face tensor lives in a DJL parameter: the whole parameter, or a run of rows of a
 * fused one (query, key and value share one parameter).
 *
 * @param parameter the DJL parameter
 * @param offset index of the tensor's first value in the parameter's flat values
 * @param shape the Hugging Face shape of the tensor
 */
record WeightSlot(Parameter parameter, int offset, long[] shape) {

    static WeightSlot whole(Parameter parameter, long... shape) {
        return new WeightSlot(parameter, 0, shape);
    }

    int size() {
        return (int) FloatTensor.count(shape);
    }
}
