package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Parallel;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code softmax(dim)} and {@code logSoftmax(dim)}, row by row along one dim, as aten's CPU
 * kernels ({@code _vec_softmax_lastdim}, {@code _vec_log_softmax_lastdim}) compute them:
 * <pre>
 *   m = max(row)                      (NaN if the row holds a NaN)
 *   softmax     = exp(x - m) * (1 / Σ exp(x - m))
 *   log_softmax = x - m - log(Σ exp(x - m))
 * </pre>
 * Subtracting the maximum keeps exp from overflowing (a row [0, 1000] is fine). A row of all
 * -inf has m = -inf and x - m = NaN, so it comes out NaN, as in PyTorch.
 *
 * <p>Backward uses the output y ({@code _softmax_backward_data}):
 * softmax {@code (g - Σ g·y) * y}; log_softmax {@code g - exp(y) * Σ g}.
 */
final class Softmax {
    private Softmax() {
    }

    /**
     * The largest element of a row; NaN wins (aten's vectorized maximum propagates NaN). Of equal
     * maxima (0.0 and -0.0) the first is kept. The NaN test is kept out of the comparison so the
     * loop has one well-predicted branch per element.
     */
    static double rowMax(double[] x, int start, int n, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int k = 0; k < n; k++) {
            double v = x[start + k * stride];
            nan |= v != v;
            if (v > m) {
                m = v;
            }
        }
        return nan ? Double.NaN : m;
    }

    /** Shared by both ops: one dim, one row at a time. */
    abstract static class AlongDim extends Function {
        final int dim;
        ReduceAxis axis;

        AlongDim(int dim) {
            this.dim = dim;
        }

        /** Fills the output row from the input row (both start at {@code start}, {@code stride} apart). */
        abstract void forwardRow(double[] x, double[] y, int start, int n, int stride);

        /** Fills the input gradient row from the upstream gradient and the output. */
        abstract void backwardRow(double[] g, double[] y, double[] gx, int start, int n, int stride);

        /** Rows are independent, so pieces of rows run on separate threads; the cut changes no value. */
        private int rowsPerPiece() {
            return Math.max(1, ElementwiseUnary.GRAIN / Math.max(1, axis.size));
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor input = inputs[0];
            double[] x = input.data();
            axis = ReduceAxis.of(input.shape(), dim);
            double[] y = new double[x.length];
            Parallel.forRange(axis.rows(), rowsPerPiece(), (from, to) -> {
                for (int r = from; r < to; r++) {
                    forwardRow(x, y, axis.rowStart(r), axis.size, axis.inner);
                }
            });
            Tensor result = new Tensor(y, input.shape(), DType.FLOAT64);
            ctx.saveForBackward(result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor result = ctx.savedTensors()[0];
            double[] gx = new double[result.numel()];
            Parallel.forRange(axis.rows(), rowsPerPiece(), (from, to) -> {
                for (int r = from; r < to; r++) {
                    backwardRow(gradOutput.data(), result.data(), gx, axis.rowStart(r), axis.size, axis.inner);
                }
            });
            return new Tensor[] {new Tensor(gx, result.shape(), DType.FLOAT64)};
        }
    }

    /** PyTorch's node: SoftmaxBackward0. */
    static final class SoftmaxFn extends AlongDim {
        SoftmaxFn(int dim) {
            super(dim);
        }

        @Override
        public String name() {
            return "SoftmaxBackward0";
        }

        @Override
        void forwardRow(double[] x, double[] y, int start, int n, int stride) {
            double m = stride == 1 ? Kernels.ACTIVE.max(x, start, start + n) : rowMax(x, start, n, stride);
            double sum = 0;
            if (stride == 1) {
                sum = Kernels.ACTIVE.expShiftedSum(x, y, start, start + n, m); // the vector path's sum order differs
            } else {
                for (int k = 0; k < n; k++) {
                    int at = start + k * stride;
                    y[at] = Math.exp(x[at] - m);
                    sum += y[at];
                }
            }
            double scale = 1 / sum;
            if (stride == 1) {
                // The same loop with the stride known to be 1, which HotSpot vectorises (softmax
                // over the last dim, the common case); the values are the same.
                for (int at = start; at < start + n; at++) {
                    y[at] *= scale;
                }
                return;
            }
            for (int k = 0; k < n; k++) {
                y[start + k * stride] *= scale;
            }
        }

        @Override
        void backwardRow(double[] g, double[] y, double[] gx, int start, int n, int stride) {
            double dot = stride == 1 ? Kernels.ACTIVE.dot(g, y, start, start + n) : dot(g, y, start, n, stride);
            if (stride == 1) {
                // Vectorised by HotSpot when the stride is known to be 1; the same values.
                for (int at = start; at < start + n; at++) {
                    gx[at] = (g[at] - dot) * y[at];
                }
                return;
            }
            for (int j = 0; j < n; j++) {
                int at = start + j * stride;
                gx[at] = (g[at] - dot) * y[at];
            }
        }

        /**
         * Σ g·y over a row with four accumulators, so the additions do not wait on each other. (A
         * different order from a left-to-right sum, as aten's vectorized sum is too.)
         */
        static double dot(double[] g, double[] y, int start, int n, int stride) {
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                int at = start + k * stride;
                d0 += g[at] * y[at];
                d1 += g[at + stride] * y[at + stride];
                d2 += g[at + 2 * stride] * y[at + 2 * stride];
                d3 += g[at + 3 * stride] * y[at + 3 * stride];
            }
            double dot = (d0 + d1) + (d2 + d3);
            for (; k < n; k++) {
                int at = start + k * stride;
                dot += g[at] * y[at];
            }
            return dot;
        }
    }

    /** PyTorch's node: LogSoftmaxBackward0. */
    static final class LogSoftmaxFn extends AlongDim {
        LogSoftmaxFn(int dim) {
            super(dim);
        }

        @Override
        public String name() {
            return "LogSoftmaxBackward0";
        }

        @Override
        void forwardRow(double[] x, double[] y, int start, int n, int stride) {
            double m = stride == 1 ? Kernels.ACTIVE.max(x, start, start + n) : rowMax(x, start, n, stride);
            double sum = 0;
            if (stride == 1) {
                sum = Kernels.ACTIVE.sumExpShifted(x, start, start + n, m); // the vector path's sum order differs
            } else {
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(x[start + k * stride] - m);
                }
            }
            double logSum = Math.log(sum);
            for (int k = 0; k < n; k++) {
                int at = start + k * stride;
                // (x - m) - logSum, in this order: adding m and logSum first loses digits.
                y[at] = x[at] - m - logSum;
            }
        }

        @Override
        void backwardRow(double[] g, double[] y, double[] gx, int start, int n, int stride) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += g[start + k * stride];
            }
            if (stride == 1) {
                Kernels.ACTIVE.logSoftmaxGradient(g, y, gx, start, start + n, sum);
                return;
            }
            for (int k = 0; k < n; k++) {
                int at = start + k * stride;
                gx[at] = g[at] - Math.exp(y[at]) * sum;
            }
        }
    }
}
