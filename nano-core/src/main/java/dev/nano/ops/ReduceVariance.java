package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * {@code var} and {@code std} with a {@code correction}: the sum of squared deviations divided by
 * {@code max(0, N - correction)}, so N ≤ correction gives 0/0 = NaN or c/0 = inf, as PyTorch does
 * (it only warns "degrees of freedom is <= 0").
 *
 * <p>The forward follows aten's CPU paths: a result with one element is computed in two passes
 * (mean, then squared deviations: {@code std_var_all_cpu}); several results use Welford's
 * one-pass update per output element ({@code WelfordOps}). An empty input gives NaN.
 */
final class ReduceVariance {
    private ReduceVariance() {
    }

    /** The variance of each group of input elements. */
    static double[] variances(double[] x, ReduceLayout layout, double correction) {
        double[] out = new double[layout.outNumel];
        if (x.length == 0) {
            Arrays.fill(out, Double.NaN);
        } else if (out.length == 1) {
            out[0] = twoPassVariance(x, correction);
        } else {
            welford(x, layout, correction, out);
        }
        return out;
    }

    private static double twoPassVariance(double[] x, double correction) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double squares = 0;
        for (double v : x) {
            double dx = v - mean;
            squares += dx * dx;
        }
        // std_var_all_cpu divides by std::max(0.0, N - correction), which is 0 (not NaN) for a NaN
        // correction: the variance is then inf (or NaN for a constant input), as in the Welford path.
        double dof = x.length - correction;
        return squares / (0.0 < dof ? dof : 0.0);
    }

    /** Running mean and sum of squared deviations per output element, updated element by element. */
    private static void welford(double[] x, ReduceLayout layout, double correction, double[] out) {
        int[] map = layout.map();
        double[] mean = new double[out.length];
        double[] m2 = new double[out.length];
        long[] count = new long[out.length];
        for (int i = 0; i < x.length; i++) {
            int o = map[i];
            count[o]++;
            double delta = x[i] - mean[o];
            mean[o] += delta / count[o];
            m2[o] += delta * (x[i] - mean[o]);
        }
        for (int o = 0; o < out.length; o++) {
            double divisor = count[o] > correction ? count[o] - correction : 0;
            out[o] = m2[o] / divisor;
        }
    }

    /**
     * FunctionsManual.cpp {@code var_backward}: {@code (2 / (N - correction)) * g * (x - mean)}.
     * With no dims named (or a 0-d input) and {@code N - correction <= 0}, PyTorch returns
     * {@code g * (x == mean ? NaN : inf)} (the limit of 2/0 times the deviation); with dims
     * named it applies the formula as is.
     */
    static double[] varBackward(double[] g, double[] x, ReduceLayout layout, double correction) {
        double[] gx = new double[x.length];
        if (layout.allDims) {
            double n = x.length;
            double mean = ReduceSum.sums(x, layout)[0] / n;
            double dof = n - correction;
            for (int i = 0; i < x.length; i++) {
                gx[i] = dof <= 0
                        ? g[0] * (x[i] == mean ? Double.NaN : Double.POSITIVE_INFINITY)
                        : (2.0 / dof) * g[0] * (x[i] - mean);
            }
            return gx;
        }
        double[] means = ReduceSum.means(x, layout);
        double factor = 2.0 / (layout.groupSize - correction);
        int[] map = layout.map();
        for (int i = 0; i < x.length; i++) {
            int o = map[i];
            gx[i] = factor * g[o] * (x[i] - means[o]);
        }
        return gx;
    }

    /** {@code x.var(dims, correction, keepdim)}. */
    static final class Var extends Function {
        private final ReduceLayout layout;
        private final double correction;

        Var(ReduceLayout layout, double correction) {
            this.layout = layout;
            this.correction = correction;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            ctx.saveForBackward(inputs[0]);
            return new Tensor(variances(inputs[0].data(), layout, correction), layout.outShape, DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] x = ctx.savedTensors()[0].data();
            double[] gx = varBackward(gradOutput.data(), x, layout, correction);
            return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
        }
    }

    /**
     * {@code x.std(dims, correction, keepdim)} = sqrt(var). {@code std_backward} is var's backward
     * of {@code g / (2 * std)}, with 0 where std == 0: a constant input gets gradient 0, not NaN.
     */
    static final class Std extends Function {
        private final ReduceLayout layout;
        private final double correction;

        Std(ReduceLayout layout, double correction) {
            this.layout = layout;
            this.correction = correction;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] std = variances(inputs[0].data(), layout, correction);
            for (int o = 0; o < std.length; o++) {
                std[o] = Math.sqrt(std[o]);
            }
            Tensor result = new Tensor(std, layout.outShape, DType.FLOAT64);
            ctx.saveForBackward(inputs[0], result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            double[] x = saved[0].data();
            double[] std = saved[1].data();
            double[] g = gradOutput.data();
            double[] gradVar = new double[std.length];
            for (int o = 0; o < std.length; o++) {
                gradVar[o] = std[o] == 0 ? 0 : g[o] / (std[o] * 2);
            }
            double[] gx = varBackward(gradVar, x, layout, correction);
            return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
        }
    }
}
