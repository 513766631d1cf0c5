package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code prod()} and {@code prod(dim)}. The derivative of a product with respect to one factor is
 * the product of the others. PyTorch ({@code prod_backward}) computes it as
 * {@code grad * (result / input)} when no input is zero, which is cheap but divides by zero
 * otherwise; then it switches to exclusive products, {@code prefix[k] * suffix[k]} with
 * {@code prefix[k] = x[0]···x[k-1]} and {@code suffix[k] = x[k+1]···x[n-1]}, which never divide.
 * Both paths are kept so that results round as PyTorch's do.
 */
final class ReduceProd {
    private ReduceProd() {
    }

    /**
     * The product of the others for each element of one row ({@code prod_safe_zeros_backward}),
     * times the row's upstream gradient: {@code g * (prefix * suffix)}. The row starts at
     * {@code start} and its elements are {@code stride} apart.
     */
    static void exclusiveProducts(double[] x, int start, int n, int stride, double g, double[] gx) {
        double prefix = 1;
        for (int k = 0; k < n; k++) {
            gx[start + k * stride] = prefix; // product of the elements before k
            prefix *= x[start + k * stride];
        }
        double suffix = 1;
        for (int k = n - 1; k >= 0; k--) {
            int at = start + k * stride;
            gx[at] = g * (gx[at] * suffix); // suffix: product of the elements after k
            suffix *= x[at];
        }
    }

    /** {@code x.prod()}: all elements, a 0-d result. PyTorch's node: ProdBackward0. */
    static final class Prod extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double product = 1;
            for (double v : inputs[0].data()) {
                product *= v;
            }
            Tensor result = new Tensor(new double[] {product}, new int[0], DType.FLOAT64);
            ctx.saveForBackward(inputs[0], result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            Tensor input = saved[0];
            double[] x = input.data();
            double result = saved[1].data()[0];
            double g = gradOutput.data()[0];
            if (input.dim() == 0) {
                return new Tensor[] {gradOutput}; // prod of one number is the number itself
            }
            double[] gx = new double[x.length];
            int zeros = 0;
            for (double v : x) {
                if (v == 0) {
                    zeros++;
                }
            }
            if (zeros == 0) {
                for (int i = 0; i < x.length; i++) {
                    gx[i] = g * (result / x[i]);
                }
            } else if (zeros == 1) {
                exclusiveProducts(x, 0, x.length, 1, g, gx);
            }
            // Two or more zeros: every "product of the others" contains a zero; gx stays 0
            // (PyTorch returns zeros_like(input) there, whatever the other values are).
            return new Tensor[] {new Tensor(gx, input.shape(), DType.FLOAT64)};
        }
    }

    /** {@code x.prod(dim, keepdim)}. PyTorch's node: ProdBackward1. */
    static final class ProdDim extends Function {
        private final int dim;
        private final boolean keepdim;
        private ReduceAxis axis;

        ProdDim(int dim, boolean keepdim) {
            this.dim = dim;
            this.keepdim = keepdim;
        }

        @Override
        public String name() {
            return "ProdBackward1";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor input = inputs[0];
            double[] x = input.data();
            axis = ReduceAxis.of(input.shape(), dim);
            double[] out = new double[axis.rows()];
            for (int r = 0; r < out.length; r++) {
                int start = axis.rowStart(r);
                double product = 1;
                for (int k = 0; k < axis.size; k++) {
                    product *= x[start + k * axis.inner];
                }
                out[r] = product;
            }
            Tensor result = new Tensor(out, ReduceAxis.reducedShape(input.shape(), dim, keepdim), DType.FLOAT64);
            ctx.saveForBackward(input, result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            Tensor input = saved[0];
            double[] x = input.data();
            double[] result = saved[1].data();
            if (input.dim() == 0) {
                return new Tensor[] {gradOutput};
            }
            double[] g = gradOutput.data();
            double[] gx = new double[x.length];
            // PyTorch picks the path once for the whole tensor: any zero anywhere means the safe one.
            boolean anyZero = false;
            for (double v : x) {
                anyZero |= v == 0;
            }
            for (int r = 0; r < result.length; r++) {
                int start = axis.rowStart(r);
                if (anyZero) {
                    exclusiveProducts(x, start, axis.size, axis.inner, g[r], gx);
                } else {
                    for (int k = 0; k < axis.size; k++) {
                        int at = start + k * axis.inner;
                        gx[at] = g[r] * (result[r] / x[at]);
                    }
                }
            }
            return new Tensor[] {new Tensor(gx, input.shape(), DType.FLOAT64)};
        }
    }
}
