package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code F.embedding(input, weight, padding_idx)}: row {@code input[i]} of {@code weight} for every
 * index, so the result has shape {@code input.shape + (embedding_dim,)}. aten's
 * {@code embedding} (aten/src/ATen/native/Embedding.cpp) is {@code weight.index_select(0, indices)};
 * its backward ({@code embedding_dense_backward_cpu}) adds each upstream row into the weight
 * gradient's row of its index, in the order of the indices, and skips the padding index, whose
 * row therefore gets no gradient. The weight gradient is the only (vocab × dim) array; nothing
 * of size vocab × number of indices is made.
 */
final class EmbeddingFunction extends Function {
    private final int paddingIdx;
    private int[] weightShape;

    private EmbeddingFunction(int paddingIdx) {
        this.paddingIdx = paddingIdx;
    }

    /**
     * The checks of torch/nn/functional.py's {@code embedding} (the padding index in range, a
     * negative one counted from the end) and of aten's (a 2-D weight, integer indices, each index in
     * range), in that order and in their words.
     * @param input int64 indices of any shape
     * @param weight (num_embeddings, embedding_dim)
     * @param paddingIdx the row that gets no gradient, or null
     * @return the rows
     */
    static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        int padding = -1;
        if (paddingIdx != null) {
            int rows = weight.size(0);
            if (paddingIdx >= rows || paddingIdx < -rows) {
                // An AssertionError in Python, from `assert padding_idx < weight.size(0), ...`.
                throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            }
            padding = paddingIdx < 0 ? rows + paddingIdx : paddingIdx;
        }
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("'weight' must be 2-D");
        }
        if (input.dtype() != DType.INT64) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got " + (input.dtype() == DType.BOOL ? "CPUBoolType"
                    : "CPUDoubleType") + " instead (while checking arguments for embedding)");
        }
        int rows = weight.size(0);
        for (double index : input.data()) {
            if (index < 0 || index >= rows) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
        }
        return new EmbeddingFunction(padding).apply(weight, input);
    }

    @Override
    protected boolean isValueInput(int i) {
        return i == 0;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor weight = inputs[0];
        Tensor indices = inputs[1];
        weightShape = weight.shape();
        int dim = weightShape[1];
        double[] w = weight.data();
        double[] idx = indices.data();
        double[] out = new double[idx.length * dim];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(w, (int) idx[i] * dim, out, i * dim, dim);
        }
        int[] outShape = new int[indices.dim() + 1];
        System.arraycopy(indices.shape(), 0, outShape, 0, indices.dim());
        outShape[indices.dim()] = dim;
        ctx.saveForBackward(indices);
        return new Tensor(out, outShape, weight.dtype());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        double[] idx = ctx.savedTensors()[0].data();
        double[] g = gradOutput.data();
        int dim = weightShape[1];
        double[] gw = new double[Shape.numel(weightShape)];
        for (int i = 0; i < idx.length; i++) {
            int row = (int) idx[i];
            if (row == paddingIdx) {
                continue;
            }
            int to = row * dim;
            int from = i * dim;
            for (int j = 0; j < dim; j++) {
                gw[to + j] += g[from + j];
            }
        }
        return new Tensor[] {new Tensor(gw, weightShape, DType.FLOAT64), null};
    }

    @Override
    public String name() {
        return "EmbeddingBackward0";
    }
}
