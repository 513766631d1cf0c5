package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code sum} and {@code mean} over any set of dims. Each input element contributes to one output
 * element, so the gradient of every input element is the gradient of the output element it went
 * into ({@code sum_backward} expands the gradient back), divided by the group size for the mean.
 */
final class ReduceSum {
    private ReduceSum() {
    }

    /** Sums each group of input elements into its output element. An empty group sums to 0. */
    static double[] sums(double[] x, ReduceLayout layout) {
        return SumKernels.sum(x, layout.inShape, layout.reduced);
    }

    /**
     * The mean of each group, as aten computes it on the CPU: the sum, then one division by the
     * group size (so an empty group gives 0/0 = NaN).
     */
    static double[] means(double[] x, ReduceLayout layout) {
        double[] out = sums(x, layout);
        double n = layout.groupSize;
        for (int o = 0; o < out.length; o++) {
            out[o] /= n;
        }
        return out;
    }

    /** {@code x.sum(dims, keepdim)}; PyTorch names the all-dims overload SumBackward0. */
    static final class Sum extends Function {
        private final ReduceLayout layout;

        Sum(ReduceLayout layout) {
            this.layout = layout;
        }

        @Override
        public String name() {
            return layout.allDims ? "SumBackward0" : "SumBackward1";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return new Tensor(sums(inputs[0].data(), layout), layout.outShape, DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {new Tensor(layout.expand(gradOutput.data(), 1), layout.inShape, DType.FLOAT64)};
        }
    }

    /** {@code x.mean(dims, keepdim)}: {@code mean_backward} is the expanded gradient over n. */
    static final class Mean extends Function {
        private final ReduceLayout layout;

        Mean(ReduceLayout layout) {
            this.layout = layout;
        }

        @Override
        public String name() {
            return layout.allDims ? "MeanBackward0" : "MeanBackward1";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return new Tensor(means(inputs[0].data(), layout), layout.outShape, DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] gx = layout.expand(gradOutput.data(), layout.groupSize);
            return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
        }
    }
}
