package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Ops that pick, elementwise, one of several values: {@code clamp}, {@code maximum},
 * {@code minimum}, {@code where}. Their gradients route the upstream gradient to whichever input
 * was picked; what happens at ties and bounds is PyTorch's choice, reproduced exactly:
 * <ul>
 *   <li>clamp: the bounds are inclusive, so x gets the gradient when {@code min <= x <= max}
 *       (clamp'(x) = 1 at x = min), and a tensor bound gets it where it was the one picked.</li>
 *   <li>maximum/minimum: a tie splits the gradient in halves.</li>
 *   <li>where: the gradient goes to the branch the condition picked, zero to the other.</li>
 * </ul>
 * NaN propagates through all of them: a NaN input (or a NaN tensor bound) gives a NaN output.
 */
public final class Selection {
    private Selection() {
    }

    private static final String CLAMP_NEEDS_A_BOUND = "torch.clamp: At least one of 'min' or 'max' must not be None";

    /**
     * Scalar bounds; either may be null for a one-sided clamp.
     * @param x the input tensor
     * @param min the lower bound, or null
     * @param max the upper bound, or null
     * @return a new tensor
     */
    public static Tensor clamp(Tensor x, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException(CLAMP_NEEDS_A_BOUND);
        }
        return new ClampScalar(min, max).apply(x);
    }

    /**
     * {@code x.clamp_min(min)}: PyTorch's clamp_min, which differs from {@code clamp(x, min, None)}
     * at a NaN bound: clamp_min fills the output with NaN, clamp ignores a lone NaN bound.
     * @param x the input tensor
     * @param min the lower bound
     * @return a new tensor
     */
    public static Tensor clampMin(Tensor x, double min) {
        return new ClampOneSide(true, min).apply(x);
    }

    /**
     * {@code x.clamp_max(max)}: as {@link #clampMin}, a NaN bound gives NaN everywhere.
     * @param x the input tensor
     * @param max the upper bound
     * @return a new tensor
     */
    public static Tensor clampMax(Tensor x, double max) {
        return new ClampOneSide(false, max).apply(x);
    }

    /**
     * Tensor bounds, broadcast together with x; either may be null for a one-sided clamp.
     * @param x the input tensor
     * @param min the lower bounds, or null
     * @param max the upper bounds, or null
     * @return a new tensor
     */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException(CLAMP_NEEDS_A_BOUND);
        }
        ClampTensor op = new ClampTensor(min != null, max != null);
        if (min == null) {
            return op.apply(x, max);
        }
        if (max == null) {
            return op.apply(x, min);
        }
        return op.apply(x, min, max);
    }

    /**
     * {@code torch.maximum(a, b)}: the element-wise larger value, NaN if either is.
     * @param a one operand
     * @param b the other operand; broadcasts against {@code a}
     * @return a new tensor
     */
    public static Tensor maximum(Tensor a, Tensor b) {
        return new Maximum().apply(a, b);
    }

    /**
     * {@code torch.minimum(a, b)}: the element-wise smaller value, NaN if either is.
     * @param a one operand
     * @param b the other operand; broadcasts against {@code a}
     * @return a new tensor
     */
    public static Tensor minimum(Tensor a, Tensor b) {
        return new Minimum().apply(a, b);
    }

    /**
     * {@code a} where {@code condition} (a BOOL tensor) is true, else {@code b}; all three broadcast.
     * @param condition a bool tensor
     * @param a the values where true
     * @param b the values where false
     * @return a new tensor
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        if (condition.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor "
                    + "with dtype " + scalarTypeName(condition.dtype()));
        }
        return new Where().apply(condition, a, b);
    }

    /** The name C++ PyTorch prints for a dtype in its messages ({@code c10::ScalarType}). */
    static String scalarTypeName(DType dtype) {
        switch (dtype) {
            case FLOAT64:
                return "Double";
            case INT64:
                return "Long";
            default:
                return "Bool";
        }
    }

    // ---------------------------------------------------------------- clamp

    /**
     * {@code clamp(x, min, max)} with scalar bounds: {@code min(max(x, min), max)}, so that when
     * min > max every output is max. As in PyTorch's {@code clamp_out}, a NaN bound makes every
     * output NaN when both bounds are given, but a lone NaN bound is ignored (C++'s
     * {@code std::max(x, NaN)} returns x). The node is PyTorch's ClampBackward1 (the Scalar
     * overload).
     */
    static final class ClampScalar extends ElementwiseUnary {
        private final boolean hasMin;
        private final boolean hasMax;
        private final double min;
        private final double max;
        private final boolean nanBound;

        ClampScalar(Double min, Double max) {
            this.hasMin = min != null;
            this.hasMax = max != null;
            this.min = hasMin ? min : Double.NaN;
            this.max = hasMax ? max : Double.NaN;
            this.nanBound = hasMin && hasMax && (Double.isNaN(this.min) || Double.isNaN(this.max));
        }

        double f(double x) {
            if (nanBound) {
                return Double.NaN;
            }
            double y = x;
            if (hasMin) {
                y = cppMax(y, min);
            }
            if (hasMax) {
                y = cppMin(y, max);
            }
            return y;
        }

        // clamp_backward: grad where min <= x <= max (each test only for a bound that is given).
        double backward(double g, double x, double y) {
            boolean inside = (!hasMin || x >= min) && (!hasMax || x <= max);
            return inside ? g : 0.0;
        }

        @Override
        public String name() {
            return "ClampBackward1";
        }
    }

    /**
     * {@code clamp_min(x, bound)} / {@code clamp_max(x, bound)} (nodes ClampMinBackward0 and
     * ClampMaxBackward0). TensorCompare.cpp's clamp_min_out and clamp_max_out fill the output with
     * the bound when it is NaN; otherwise the kernel is {@code std::max(x, bound)} /
     * {@code std::min(x, bound)}. The gradient (derivatives.yaml) is grad where {@code x >= min}
     * (or {@code x <= max}), else 0, so 0 everywhere for a NaN bound.
     */
    static final class ClampOneSide extends ElementwiseUnary {
        private final boolean isMin;
        private final double bound;

        ClampOneSide(boolean isMin, double bound) {
            this.isMin = isMin;
            this.bound = bound;
        }

        double f(double x) {
            if (Double.isNaN(bound)) {
                return Double.NaN;
            }
            return isMin ? cppMax(x, bound) : cppMin(x, bound);
        }

        double backward(double g, double x, double y) {
            return (isMin ? x >= bound : x <= bound) ? g : 0.0;
        }

        @Override
        public String name() {
            return isMin ? "ClampMinBackward0" : "ClampMaxBackward0";
        }
    }

    /**
     * {@code clamp(x, min, max)} with tensor bounds (PyTorch's clamp.Tensor, node ClampBackward0).
     * The inputs are x followed by the bounds that are given. Forward, per element: with both
     * bounds {@code min(max(x, min), max)} (NaN if a bound is NaN); with one bound it is
     * {@code maximum(x, min)} or {@code minimum(x, max)}, which propagate NaN from either side.
     *
     * <p>Gradients (FunctionsManual.cpp, clamp_backward and clamp_backward_min_max):
     * <ul>
     *   <li>x: where {@code min <= x <= max};</li>
     *   <li>min: where {@code x < min} and {@code min < max} (with no max: where x < min);</li>
     *   <li>max: where {@code x > max} or {@code max < min} (max wins when the bounds cross).</li>
     * </ul>
     * Each has the broadcast shape; the engine sums it back to its input's shape.
     */
    static final class ClampTensor extends Function {
        private final boolean hasMin;
        private final boolean hasMax;

        ClampTensor(boolean hasMin, boolean hasMax) {
            this.hasMin = hasMin;
            this.hasMax = hasMax;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Broadcast3 b = Broadcast3.of(inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null);
            double[] out = new double[b.size()];
            for (int i = 0; i < out.length; i++) {
                double x = b.first(i);
                if (hasMin && hasMax) {
                    double lo = b.second(i);
                    double hi = b.third(i);
                    out[i] = Double.isNaN(lo) || Double.isNaN(hi) ? Double.NaN : cppMin(cppMax(x, lo), hi);
                } else if (hasMin) {
                    out[i] = maximumOf(x, b.second(i));
                } else {
                    out[i] = minimumOf(x, b.second(i));
                }
            }
            ctx.saveForBackward(inputs);
            return new Tensor(out, b.shape(), DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            Broadcast3 b = Broadcast3.of(saved[0], saved[1], saved.length > 2 ? saved[2] : null);
            double[] g = gradOutput.data();
            int n = g.length;
            double[] gx = ctx.needsInputGrad(0) ? new double[n] : null;
            double[] gFirstBound = ctx.needsInputGrad(1) ? new double[n] : null;
            double[] gSecondBound = saved.length > 2 && ctx.needsInputGrad(2) ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                double x = b.first(i);
                if (hasMin && hasMax) {
                    double lo = b.second(i);
                    double hi = b.third(i);
                    if (gx != null) {
                        gx[i] = x >= lo && x <= hi ? g[i] : 0.0;
                    }
                    if (gFirstBound != null) {
                        gFirstBound[i] = x < lo && lo < hi ? g[i] : 0.0;
                    }
                    if (gSecondBound != null) {
                        gSecondBound[i] = x > hi || hi < lo ? g[i] : 0.0;
                    }
                } else if (hasMin) {
                    double lo = b.second(i);
                    if (gx != null) {
                        gx[i] = x >= lo ? g[i] : 0.0;
                    }
                    if (gFirstBound != null) {
                        gFirstBound[i] = x < lo ? g[i] : 0.0;
                    }
                } else {
                    double hi = b.second(i);
                    if (gx != null) {
                        gx[i] = x <= hi ? g[i] : 0.0;
                    }
                    if (gFirstBound != null) {
                        gFirstBound[i] = x > hi ? g[i] : 0.0;
                    }
                }
            }
            Tensor[] grads = new Tensor[saved.length];
            grads[0] = wrap(gx, b.shape());
            grads[1] = wrap(gFirstBound, b.shape());
            if (saved.length > 2) {
                grads[2] = wrap(gSecondBound, b.shape());
            }
            return grads;
        }

        @Override
        public String name() {
            return "ClampBackward0";
        }
    }

    // ---------------------------------------------------------------- maximum / minimum

    /**
     * Elementwise max. The gradient follows derivatives.yaml:
     * {@code self: where(self == other, grad / 2, grad).masked_fill_(self < other, 0)} and the
     * mirror image for other. At a tie each side gets half; when one side is NaN both comparisons
     * are false, so both sides get the full gradient.
     */
    static final class Maximum extends ElementwiseBinary {
        double f(double a, double b) { return maximumOf(a, b); }
        double gradA(double g, double a, double b, double out) { return a < b ? 0.0 : (a == b ? g / 2 : g); }
        double gradB(double g, double a, double b, double out) { return a > b ? 0.0 : (a == b ? g / 2 : g); }
    }

    /** Elementwise min; the gradient mirrors {@link Maximum}'s. */
    static final class Minimum extends ElementwiseBinary {
        double f(double a, double b) { return minimumOf(a, b); }
        double gradA(double g, double a, double b, double out) { return a > b ? 0.0 : (a == b ? g / 2 : g); }
        double gradB(double g, double a, double b, double out) { return a < b ? 0.0 : (a == b ? g / 2 : g); }
    }

    /** PyTorch's maximum kernel: NaN if either side is NaN, else {@code std::max(a, b)}. */
    static double maximumOf(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : cppMax(a, b);
    }

    /** PyTorch's minimum kernel: NaN if either side is NaN, else {@code std::min(a, b)}. */
    static double minimumOf(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : cppMin(a, b);
    }

    /**
     * C++'s {@code std::max(a, b)}, {@code (a < b) ? b : a}: returns a when the two compare equal
     * (so the sign of a zero comes from a) and when either is NaN. Java's {@code Math.max} differs
     * in both cases.
     */
    static double cppMax(double a, double b) {
        return a < b ? b : a;
    }

    /** C++'s {@code std::min(a, b)}, {@code (b < a) ? b : a}. */
    static double cppMin(double a, double b) {
        return b < a ? b : a;
    }

    // ---------------------------------------------------------------- where

    /**
     * {@code condition ? a : b}, all three broadcast. The condition is not differentiable; the
     * gradients ({@code where(condition, grad, 0)} and {@code where(condition, 0, grad)}) have the
     * broadcast shape and the engine sums them back.
     */
    static final class Where extends Function {
        private int[] shape;
        private int[] conditionShape;

        /** The condition is a bool tensor (checked before); the dtype rule is about the values. */
        @Override
        protected boolean isValueInput(int i) {
            return i > 0;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Broadcast3 b = Broadcast3.of(inputs[0], inputs[1], inputs[2]);
            double[] out = new double[b.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.first(i) != 0 ? b.second(i) : b.third(i);
            }
            ctx.saveForBackward(inputs[0]);
            shape = b.shape();
            conditionShape = inputs[0].shape();
            return new Tensor(out, shape, DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] condition = ctx.savedTensors()[0].data();
            int[] map = Shape.broadcastMap(conditionShape, shape);
            double[] g = gradOutput.data();
            double[] ga = ctx.needsInputGrad(1) ? new double[g.length] : null;
            double[] gb = ctx.needsInputGrad(2) ? new double[g.length] : null;
            for (int i = 0; i < g.length; i++) {
                boolean pickA = condition[map[i]] != 0;
                if (ga != null) {
                    ga[i] = pickA ? g[i] : 0.0;
                }
                if (gb != null) {
                    gb[i] = pickA ? 0.0 : g[i];
                }
            }
            return new Tensor[] {null, wrap(ga, shape), wrap(gb, shape)};
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor wrap(double[] data, int[] shape) {
        return data == null ? null : new Tensor(data, shape, DType.FLOAT64);
    }

    /**
     * Two or three tensors broadcast together, in PyTorch's order (so a mismatch is reported for
     * the same pair PyTorch names). {@code first(i)}, {@code second(i)}, {@code third(i)} read the
     * value each tensor contributes to output element i; the index maps are computed once.
     */
    private static final class Broadcast3 {
        private final int[] shape;
        private final double[] a;
        private final double[] b;
        private final double[] c;
        private final int[] ia;
        private final int[] ib;
        private final int[] ic;

        private Broadcast3(Tensor x, Tensor y, Tensor z) {
            int[] s = Shape.broadcast(x.shape(), y.shape());
            if (z != null) {
                s = Shape.broadcast(s, z.shape());
            }
            shape = s;
            a = x.data();
            b = y.data();
            c = z == null ? null : z.data();
            ia = Shape.broadcastMap(x.shape(), s);
            ib = Shape.broadcastMap(y.shape(), s);
            ic = z == null ? null : Shape.broadcastMap(z.shape(), s);
        }

        static Broadcast3 of(Tensor x, Tensor y, Tensor z) {
            return new Broadcast3(x, y, z);
        }

        int[] shape() {
            return shape;
        }

        int size() {
            return ia.length;
        }

        double first(int i) {
            return a[ia[i]];
        }

        double second(int i) {
            return b[ib[i]];
        }

        double third(int i) {
            return c[ic[i]];
        }
    }
}
