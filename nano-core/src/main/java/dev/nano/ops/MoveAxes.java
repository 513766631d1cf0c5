package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code permute transpose t}: reorder the dims. Output dim {@code i} is input dim
 * {@code dims[i]}, so walking the output in row-major order means stepping through the input
 * with its strides reordered the same way. The gradient is the inverse permutation of the
 * output gradient, which {@link MoveByIndexMap} gets by sending each element back.
 */
final class MoveAxes {
    private MoveAxes() {
    }

    static Tensor permute(Tensor x, int[] dims) {
        int rank = x.dim();
        if (dims.length != rank) {
            // PyTorch's message (the sparse_coo prefix is shared with the sparse overload).
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not"
                    + " match the length of the desired ordering of dimensions i.e. input.dim() = " + rank
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] order = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = Shape.wrapDim(dims[i], rank);
            if (seen[d]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[d] = true;
            order[i] = d;
        }
        return new Permute(x.shape(), order).apply(x);
    }

    static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim();
        int d0 = Shape.wrapDim(dim0, rank);
        int d1 = Shape.wrapDim(dim1, rank);
        return new Transpose(x.shape(), swapped(rank, d0, d1)).apply(x);
    }

    /** {@code t()} of a tensor with at most 2 dims (checked by the caller). */
    static Tensor t(Tensor x) {
        return new T().apply(x);
    }

    /** The identity ordering of {@code rank} dims with {@code d0} and {@code d1} exchanged. */
    private static int[] swapped(int rank, int d0, int d1) {
        int[] order = new int[rank];
        for (int d = 0; d < rank; d++) {
            order[d] = d;
        }
        if (rank > 0) {
            order[d0] = d1;
            order[d1] = d0;
        }
        return order;
    }

    /** Output dim {@code i} is input dim {@code order[i]}. */
    abstract static class Reorder extends MoveByIndexMap {
        Reorder(int[] inputShape, int[] order) {
            super(inputShape, permuted(inputShape, order), sources(inputShape, order));
        }

        private static int[] permuted(int[] values, int[] order) {
            int[] out = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                out[i] = values[order[i]];
            }
            return out;
        }

        private static int[] sources(int[] inputShape, int[] order) {
            int[] strides = permuted(Shape.strides(inputShape), order);
            return Shape.stridedIndices(permuted(inputShape, order), strides, 0);
        }
    }

    static final class Permute extends Reorder {
        Permute(int[] inputShape, int[] order) {
            super(inputShape, order);
        }
    }

    static final class Transpose extends Reorder {
        Transpose(int[] inputShape, int[] order) {
            super(inputShape, order);
        }
    }

    /**
     * {@code t()}: PyTorch records it as its own node, TBackward0. A plain transpose (its gradient
     * is the transpose of the upstream gradient), written as a loop rather than an index map: it
     * runs on every weight of every {@code linear}, and a map would cost an int per element, kept
     * by the node for as long as the graph lives.
     */
    static final class T extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            int[] shape = x.shape();
            int[] flipped = x.dim() < 2 ? shape : new int[] {shape[1], shape[0]};
            return new Tensor(transposed(x.data(), shape), flipped, x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] gx = transposed(gradOutput.data(), gradOutput.shape());
            int[] shape = gradOutput.shape();
            int[] flipped = shape.length < 2 ? shape : new int[] {shape[1], shape[0]};
            return new Tensor[] {new Tensor(gx, flipped, DType.FLOAT64)};
        }

        /** The transpose of a row-major matrix (a copy for 0-d and 1-D), in tiles that stay in cache. */
        private static double[] transposed(double[] x, int[] shape) {
            if (shape.length < 2) {
                return x.clone();
            }
            int rows = shape[0];
            int cols = shape[1];
            double[] out = new double[x.length];
            final int tile = 32;
            for (int r0 = 0; r0 < rows; r0 += tile) {
                for (int c0 = 0; c0 < cols; c0 += tile) {
                    for (int r = r0; r < Math.min(rows, r0 + tile); r++) {
                        for (int c = c0; c < Math.min(cols, c0 + tile); c++) {
                            out[c * rows + r] = x[r * cols + c];
                        }
                    }
                }
            }
            return out;
        }
    }
}
