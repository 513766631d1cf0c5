package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;

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
        int rank = x.dim();
        return new T(x.shape(), swapped(rank, 0, rank < 2 ? 0 : 1)).apply(x);
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

    /** {@code t()}: PyTorch records it as its own node, TBackward0. */
    static final class T extends Reorder {
        T(int[] inputShape, int[] order) {
            super(inputShape, order);
        }
    }
}
