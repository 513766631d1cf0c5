package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code torch.tril(x, diagonal)} and {@code torch.triu(x, diagonal)}: the lower (upper) triangle of
 * each matrix in the last two dims, the rest zero. Element (i, j) is kept by tril when
 * {@code j - i <= diagonal} and by triu when {@code j - i >= diagonal}. The gradient is the same
 * triangle of the upstream gradient (derivatives.yaml: {@code grad.tril(diagonal)}).
 */
public final class Triangle {
    private Triangle() {
    }

    /**
     * {@code torch.tril} or {@code torch.triu}.
     * @param x a tensor of at least 2 dims
     * @param diagonal which diagonal bounds the triangle: 0 the main one, positive above it, negative below
     * @param lower true for tril, false for triu
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor triangle(Tensor x, int diagonal, boolean lower) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException((lower ? "tril" : "triu")
                    + ": input tensor must have at least 2 dimensions");
        }
        return new Keep(diagonal, lower).apply(x);
    }

    /** Zeroes what lies outside the triangle. PyTorch's nodes: TrilBackward0, TriuBackward0. */
    static final class Keep extends Function {
        private final int diagonal;
        private final boolean lower;

        Keep(int diagonal, boolean lower) {
            this.diagonal = diagonal;
            this.lower = lower;
        }

        /** Keeps or zeroes values: every dtype is kept. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            return new Tensor(keep(x.data(), x.shape()), x.shape(), x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {new Tensor(keep(gradOutput.data(), gradOutput.shape()), gradOutput.shape(),
                    DType.FLOAT64)};
        }

        private double[] keep(double[] x, int[] shape) {
            int rows = shape[shape.length - 2];
            int cols = shape[shape.length - 1];
            double[] out = new double[x.length];
            for (int base = 0; base < x.length; base += rows * cols) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        long offset = (long) j - i; // long: j - i - diagonal must not wrap for a huge diagonal
                        boolean kept = lower ? offset <= diagonal : offset >= diagonal;
                        int at = base + i * cols + j;
                        out[at] = kept ? x[at] : 0.0;
                    }
                }
            }
            return out;
        }

        @Override
        public String name() {
            return lower ? "TrilBackward0" : "TriuBackward0";
        }
    }
}
