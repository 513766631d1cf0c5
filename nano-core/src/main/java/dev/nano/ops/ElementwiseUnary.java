package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Parallel;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * An elementwise op {@code y = f(x)}. A subclass writes its forward and its local derivative side
 * by side, as in micrograd:
 *
 * <pre>{@code
 * static final class Exp extends ElementwiseUnary {
 *     double f(double x) { return Math.exp(x); }
 *     double backward(double g, double x, double y) { return g * y; }   // d exp = exp
 * }
 * }</pre>
 *
 * {@code backward} receives the upstream gradient {@code g} so that each op can use PyTorch's
 * exact formula (e.g. {@code g / (2 * y)} for sqrt), which matters at ±inf, 0 and huge values.
 */
public abstract class ElementwiseUnary extends Function {

    /** The value at one element. */
    abstract double f(double x);

    /** dL/dx at one element, given dL/dy = {@code g}, the input {@code x} and the output {@code y}. */
    abstract double backward(double g, double x, double y);

    /** Whether the local gradient reads x or y; neg's does not, so it saves nothing (as PyTorch's NegBackward0). */
    boolean gradientReadsValues() {
        return true;
    }

    /**
     * {@code ys[i] = f(xs[i])} over {@code [from, to)}. The ops with a vector kernel (exp, log, tanh,
     * sigmoid, …) override it to call {@link Kernels#ACTIVE}, whose plain path is this same loop.
     */
    void forwardRange(double[] xs, double[] ys, int from, int to) {
        for (int i = from; i < to; i++) {
            ys[i] = f(xs[i]);
        }
    }

    /** {@code gx[i] = backward(g[i], xs[i], ys[i])} over {@code [from, to)}; overridden like {@link #forwardRange}. */
    void backwardRange(double[] g, double[] xs, double[] ys, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = backward(g[i], xs[i], ys[i]);
        }
    }

    /** Elements per parallel piece: large arrays use every thread; the cut never changes a value. */
    static final int GRAIN = SizeClasses.PARALLEL_GRAIN;

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0];
        double[] xs = x.data();
        double[] ys = new double[xs.length];
        Parallel.forRange(xs.length, GRAIN, (from, to) -> forwardRange(xs, ys, from, to));
        Tensor y = new Tensor(ys, x.shape(), DType.FLOAT64);
        if (gradientReadsValues()) {
            ctx.saveForBackward(x, y);
        }
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (!gradientReadsValues()) {
            double[] g = gradOutput.data();
            double[] gx = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                gx[i] = backward(g[i], 0, 0);
            }
            return new Tensor[] {new Tensor(gx, gradOutput.shape(), DType.FLOAT64)};
        }
        Tensor[] saved = ctx.savedTensors();
        double[] xs = saved[0].data();
        double[] ys = saved[1].data();
        double[] g = gradOutput.data();
        double[] gx = new double[xs.length];
        Parallel.forRange(xs.length, GRAIN, (from, to) -> backwardRange(g, xs, ys, gx, from, to));
        return new Tensor[] {new Tensor(gx, saved[0].shape(), DType.FLOAT64)};
    }
}
