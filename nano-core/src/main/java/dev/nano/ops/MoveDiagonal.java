package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code diagonal diag}. {@code diagonal(x, offset, dim1, dim2)} is, in aten, a strided view: dims
 * {@code dim1} and {@code dim2} are dropped and one dim is appended whose stride is the sum of theirs,
 * starting {@code offset} columns right (or rows down) of the corner. nano reads the same positions
 * through {@link MoveByIndexMap}. {@code diag} of a matrix is that diagonal; {@code diag} of a vector
 * builds the square matrix with the vector on a diagonal and zeros elsewhere (aten's
 * {@code diag_embed}), whose gradient reads that diagonal back.
 */
final class MoveDiagonal {
    private MoveDiagonal() {
    }

    /** aten's {@code diagonal} (aten/src/ATen/native/TensorShape.cpp), its checks in its order. */
    static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        int[] shape = x.shape();
        int rank = shape.length;
        int d1 = Shape.wrapDim(dim1, rank);
        int d2 = Shape.wrapDim(dim2, rank);
        if (d1 == d2) {
            throw new IllegalArgumentException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        int[] strides = Shape.strides(shape);
        // Positive offsets drop leftmost columns (along dim2), negative ones topmost rows (along dim1).
        long length = offset >= 0 ? Math.min(shape[d1], (long) shape[d2] - offset)
                : Math.min((long) shape[d1] + offset, shape[d2]);
        int size = (int) Math.max(length, 0);
        int start = size == 0 ? 0 : offset >= 0 ? offset * strides[d2] : -offset * strides[d1];
        int[] outShape = new int[rank - 1];
        int[] outStrides = new int[rank - 1];
        int k = 0;
        for (int d = 0; d < rank; d++) {
            if (d != d1 && d != d2) {
                outShape[k] = shape[d];
                outStrides[k++] = strides[d];
            }
        }
        outShape[k] = size;
        outStrides[k] = strides[d1] + strides[d2];
        return new Diagonal(shape, outShape, Shape.stridedIndices(outShape, outStrides, start)).apply(x);
    }

    /** aten's {@code diag}: a vector becomes a matrix, a matrix gives its diagonal (a copy, diagonal_copy). */
    static Tensor diag(Tensor x, int offset) {
        if (x.dim() != 1 && x.dim() != 2) {
            throw new IllegalArgumentException("diag(): Supports 1D or 2D tensors. Got " + x.dim() + "D");
        }
        return x.dim() == 2 ? diagonal(x, offset, 0, 1) : new DiagEmbed(offset).apply(x);
    }

    static final class Diagonal extends MoveByIndexMap {
        Diagonal(int[] inputShape, int[] outputShape, int[] source) {
            super(inputShape, outputShape, source);
        }
    }

    /**
     * A vector of n elements on diagonal {@code offset} of an {@code (n + |offset|)}-square matrix of
     * zeros: element i at row {@code i + max(-offset, 0)}, column {@code i + max(offset, 0)}.
     */
    static final class DiagEmbed extends Function {
        private final int offset;

        DiagEmbed(int offset) {
            this.offset = offset;
        }

        /** Places values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        /** The flat position of element i in the matrix. */
        private int position(int i, int n) {
            return (i + Math.max(-offset, 0)) * n + i + Math.max(offset, 0);
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] v = inputs[0].data();
            long side = v.length + Math.abs((long) offset);
            double[] out = new double[dev.nano.Checks.numel("diag", side, side)];
            int n = (int) side;
            for (int i = 0; i < v.length; i++) {
                out[position(i, n)] = v[i];
            }
            return new Tensor(out, new int[] {n, n}, inputs[0].dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] g = gradOutput.data();
            int n = gradOutput.size(0);
            double[] gx = new double[n - Math.abs(offset)];
            for (int i = 0; i < gx.length; i++) {
                gx[i] = g[position(i, n)];
            }
            return new Tensor[] {new Tensor(gx, new int[] {gx.length}, DType.FLOAT64)};
        }
    }
}
