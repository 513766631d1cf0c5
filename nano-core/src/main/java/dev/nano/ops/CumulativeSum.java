package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code torch.cumsum(x, dim)}: running sums along one dim, added left to right as aten's CPU
 * kernel adds them ({@code cpu_cum_base_kernel}: one accumulator per line, in order). The gradient
 * is the running sum of the upstream gradient from the other end (FunctionsManual.cpp,
 * {@code cumsum_backward}: {@code grad.flip(dim).cumsum(dim).flip(dim)}), also added in order.
 */
public final class CumulativeSum {
    private CumulativeSum() {
    }

    /**
     * {@code torch.cumsum(x, dim)}.
     * @param x the input (a 0-d tensor takes dim 0 or -1)
     * @param dim the dim to sum along (negative counts from the end)
     * @return a new tensor of x's shape
     */
    public static Tensor cumsum(Tensor x, int dim) {
        int d = Shape.wrapDim(dim, x.dim());
        return new Cumsum(d).apply(x);
    }

    /** PyTorch's node: CumsumBackward0. */
    static final class Cumsum extends Function {
        private final int dim;

        Cumsum(int dim) {
            this.dim = dim;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            return new Tensor(runningSums(x.data(), x.shape(), false), x.shape(), DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {new Tensor(runningSums(gradOutput.data(), gradOutput.shape(), true),
                    gradOutput.shape(), DType.FLOAT64)};
        }

        /** One accumulator per line along {@code dim}, forwards or from the last element back. */
        private double[] runningSums(double[] x, int[] shape, boolean fromTheEnd) {
            double[] out = new double[x.length];
            if (shape.length == 0 || x.length == 0) {
                System.arraycopy(x, 0, out, 0, x.length);
                return out;
            }
            int size = shape[dim];
            int inner = Shape.strides(shape)[dim];
            int outer = x.length / (size * inner);
            for (int o = 0; o < outer; o++) {
                for (int in = 0; in < inner; in++) {
                    int start = o * size * inner + in;
                    double acc = 0;
                    for (int k = 0; k < size; k++) {
                        int at = start + (fromTheEnd ? size - 1 - k : k) * inner;
                        acc += x[at];
                        out[at] = acc;
                    }
                }
            }
            return out;
        }

        @Override
        public String name() {
            return "CumsumBackward0";
        }
    }
}
