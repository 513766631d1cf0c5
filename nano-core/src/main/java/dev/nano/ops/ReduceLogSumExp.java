package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code logsumexp(dims, keepdim)} = log(Σ exp(x)), computed without overflow as aten's
 * {@code logsumexp_out_impl} does: subtract each group's maximum m first,
 * {@code log(Σ exp(x - m)) + m}. An infinite m is replaced by 0 (m - m would be NaN): a group of
 * all -inf then gives log(0) + 0 = -inf, and a group holding +inf gives +inf. NaN stays NaN.
 * Backward ({@code logsumexp_backward}): {@code g * exp(x - result)}, the softmax weight of x.
 */
final class ReduceLogSumExp {
    private ReduceLogSumExp() {
    }

    static final class Logsumexp extends Function {
        private final ReduceLayout layout;

        Logsumexp(ReduceLayout layout) {
            this.layout = layout;
        }

        /** Whether every group is one contiguous run of the input (and there is at least one element). */
        private boolean overRows() {
            return layout.outNumel > 0 && layout.inNumel() > 0
                    && SumKernels.kindOf(layout.inShape, layout.reduced) == SumKernels.Kind.ROWS;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] x = inputs[0].data();
            double[] shift = new double[layout.outNumel];
            if (x.length != 0) { // an empty input has no maximum: aten sums exp(x) directly
                shift = ReduceExtrema.extremes(x, layout, true);
                for (int o = 0; o < shift.length; o++) {
                    if (Double.isInfinite(shift[o])) {
                        shift[o] = 0;
                    }
                }
            }
            double[] out = new double[layout.outNumel];
            if (overRows()) {
                // Each group is one contiguous run (the reduced dims are the last ones): the kernel sums
                // its exponentials (in the vector path's own order when that path is on).
                int width = x.length / out.length;
                for (int o = 0; o < out.length; o++) {
                    out[o] = Kernels.ACTIVE.sumExpShifted(x, o * width, (o + 1) * width, shift[o]);
                }
            } else {
                int[] map = layout.map();
                for (int i = 0; i < x.length; i++) {
                    out[map[i]] += Math.exp(x[i] - shift[map[i]]);
                }
            }
            for (int o = 0; o < out.length; o++) {
                out[o] = Math.log(out[o]) + shift[o];
            }
            Tensor result = new Tensor(out, layout.outShape, DType.FLOAT64);
            ctx.saveForBackward(inputs[0], result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            double[] x = saved[0].data();
            double[] result = saved[1].data();
            double[] g = gradOutput.data();
            double[] gx = new double[x.length];
            if (overRows()) {
                int width = x.length / result.length;
                for (int o = 0; o < result.length; o++) {
                    Kernels.ACTIVE.scaledExpShifted(g[o], x, gx, o * width, (o + 1) * width, result[o]);
                }
                return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
            }
            int[] map = layout.map();
            for (int i = 0; i < x.length; i++) {
                gx[i] = g[map[i]] * Math.exp(x[i] - result[map[i]]);
            }
            return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
        }
    }
}
