package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * The largest or smallest element: {@code amax/amin} over dims, {@code max()/min()} of
 * everything, {@code max(dim)/min(dim)} with indices, and {@code argmax/argmin}.
 *
 * <p>Forward: a NaN anywhere in a group makes the result NaN (and its index the first NaN's);
 * otherwise ties go to the first occurrence. The three differentiable forms disagree on how a
 * tie shares the gradient, because PyTorch gives each its own formula:
 * <ul>
 *   <li>{@code amax/amin}: every tied element gets {@code g / k} ({@code scale_grad_by_count});</li>
 *   <li>{@code max()/min()}: the same split, but a NaN result sends the gradient to the NaN
 *       elements ({@code evenly_distribute_backward});</li>
 *   <li>{@code max(dim)/min(dim)}: all of {@code g} goes to the one returned index
 *       ({@code value_selecting_reduction_backward}).</li>
 * </ul>
 */
final class ReduceExtrema {
    private ReduceExtrema() {
    }

    /**
     * Position (0 to n-1) of the first maximum (or minimum) of a row of {@code n} elements that
     * starts at {@code start}, {@code stride} apart. This is aten's {@code max_kernel_impl} loop:
     * "{@code !(v <= best)}" is true for a larger value and for NaN, and a NaN ends the search.
     */
    static int selectIndex(double[] x, int start, int n, int stride, boolean max) {
        double best = x[start];
        int index = 0;
        for (int k = 0; k < n; k++) {
            double v = x[start + k * stride];
            if (max ? !(v <= best) : !(v >= best)) {
                best = v;
                index = k;
                if (Double.isNaN(v)) {
                    break;
                }
            }
        }
        return index;
    }

    /** Whether {@code v} replaces the running extreme {@code best}: NaN, once in, stays. */
    private static boolean replaces(double v, double best, boolean max) {
        return (max ? v > best : v < best) || Double.isNaN(v);
    }

    /** The extreme of each group of a layout (groups are never empty: the entry point checks). */
    static double[] extremes(double[] x, ReduceLayout layout, boolean max) {
        double[] out = new double[layout.outNumel];
        Arrays.fill(out, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        int[] map = layout.map();
        for (int i = 0; i < x.length; i++) {
            int o = map[i];
            if (replaces(x[i], out[o], max)) {
                out[o] = x[i];
            }
        }
        return out;
    }

    /** {@code argmax()/argmin()} of all elements (flattened), or along one dim: INT64, no grad. */
    static Tensor argIndex(Tensor x, Integer dim, boolean keepdim, boolean max) {
        double[] data = x.data();
        if (dim == null) {
            double index = selectIndex(data, 0, data.length, 1, max);
            return new Tensor(new double[] {index}, new int[0], DType.INT64);
        }
        ReduceAxis axis = ReduceAxis.of(x.shape(), dim);
        double[] out = new double[axis.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = selectIndex(data, axis.rowStart(r), axis.size, axis.inner, max);
        }
        return new Tensor(out, ReduceAxis.reducedShape(x.shape(), dim, keepdim), DType.INT64);
    }

    /**
     * {@code amax/amin(dims, keepdim)}. Backward (derivatives.yaml):
     * {@code (g / mask.sum(dims)) * mask} with {@code mask = (result == x)}. In a group whose
     * result is NaN the mask is all false, so {@code g / 0 * 0} makes its gradient NaN.
     */
    static final class Amax extends Function {
        private final ReduceLayout layout;
        private final boolean max;

        Amax(ReduceLayout layout, boolean max) {
            this.layout = layout;
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "AmaxBackward0" : "AminBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor result = new Tensor(extremes(inputs[0].data(), layout, max), layout.outShape, DType.FLOAT64);
            ctx.saveForBackward(inputs[0], result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            double[] x = saved[0].data();
            double[] result = saved[1].data();
            double[] g = gradOutput.data();
            int[] map = layout.map();
            double[] count = new double[result.length];
            for (int i = 0; i < x.length; i++) {
                if (x[i] == result[map[i]]) {
                    count[map[i]]++;
                }
            }
            double[] gx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int o = map[i];
                gx[i] = (g[o] / count[o]) * (x[i] == result[o] ? 1.0 : 0.0);
            }
            return new Tensor[] {new Tensor(gx, layout.inShape, DType.FLOAT64)};
        }
    }

    /**
     * {@code max()/min()} of all elements, a 0-d result. Backward
     * ({@code evenly_distribute_backward}, CPU branch): the elements equal to the result (or, if
     * the result is NaN, the NaN elements) share {@code g} evenly; the others get 0.
     */
    static final class MaxAll extends Function {
        private final boolean max;

        MaxAll(boolean max) {
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "MaxBackward1" : "MinBackward1";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] x = inputs[0].data();
            double best = x[0];
            for (double v : x) {
                if (replaces(v, best, max)) {
                    best = v;
                }
            }
            Tensor result = new Tensor(new double[] {best}, new int[0], DType.FLOAT64);
            ctx.saveForBackward(inputs[0], result);
            return result;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            double[] x = saved[0].data();
            double result = saved[1].data()[0];
            boolean[] mask = new boolean[x.length];
            int count = 0;
            for (int i = 0; i < x.length; i++) {
                mask[i] = Double.isNaN(result) ? Double.isNaN(x[i]) : x[i] == result;
                count += mask[i] ? 1 : 0;
            }
            double share = gradOutput.data()[0] / count;
            double[] gx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                gx[i] = mask[i] ? share : 0;
            }
            return new Tensor[] {new Tensor(gx, saved[0].shape(), DType.FLOAT64)};
        }
    }

    /**
     * {@code max(dim)/min(dim)}: the values (this function's output) and the indices (read with
     * {@link #indices()} after {@code apply}). The gradient of each value goes entirely to the
     * element at its index.
     */
    static final class MaxDim extends Function {
        private final int dim;
        private final boolean keepdim;
        private final boolean max;
        private ReduceAxis axis;
        private int[] outShape;
        private int[] positions; // flat input index of each selected element

        MaxDim(int dim, boolean keepdim, boolean max) {
            this.dim = dim;
            this.keepdim = keepdim;
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "MaxBackward0" : "MinBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor input = inputs[0];
            double[] x = input.data();
            axis = ReduceAxis.of(input.shape(), dim);
            outShape = ReduceAxis.reducedShape(input.shape(), dim, keepdim);
            positions = new int[axis.rows()];
            double[] values = new double[axis.rows()];
            for (int r = 0; r < values.length; r++) {
                int start = axis.rowStart(r);
                int k = selectIndex(x, start, axis.size, axis.inner, max);
                positions[r] = start + k * axis.inner;
                values[r] = x[positions[r]];
            }
            ctx.saveForBackward(input);
            return new Tensor(values, outShape, DType.FLOAT64);
        }

        /** The INT64 indices along the dim that go with the values (after forward has run). */
        Tensor indices() {
            double[] out = new double[positions.length];
            for (int r = 0; r < out.length; r++) {
                out[r] = (positions[r] - axis.rowStart(r)) / axis.inner;
            }
            return new Tensor(out, outShape, DType.INT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor input = ctx.savedTensors()[0];
            double[] g = gradOutput.data();
            double[] gx = new double[input.numel()];
            for (int r = 0; r < positions.length; r++) {
                gx[positions[r]] = g[r];
            }
            return new Tensor[] {new Tensor(gx, input.shape(), DType.FLOAT64)};
        }
    }

    /** Checks PyTorch's rule for reducing an empty tensor over {@code dims} ({@code zero_numel_check_dims}). */
    static void checkNonEmptyGroups(String op, int[] shape, int[] dims) {
        if (Shape.numel(shape) != 0) {
            return;
        }
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException(op + ": Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d : dims) {
            if (shape[Shape.wrapDim(d, shape.length)] == 0) {
                throw new IndexOutOfBoundsException(op + ": Expected reduction dim " + d + " to have non-zero size.");
            }
        }
    }
}
