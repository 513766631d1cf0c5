package dev.nano.ops;

import dev.nano.Tensor;

/**
 * The trigonometric and hyperbolic functions beyond sin, cos and tanh: {@code tan atan asin acos
 * sinh cosh asinh acosh atanh}, and {@code atan2}.
 *
 * <p>Forward values use {@code Math} (asinh, acosh and atanh, which Java lacks, are fdlibm's
 * algorithms, {@code s_asinh.c e_acosh.c e_atanh.c}, the same family glibc's are built from); they can
 * differ from libtorch's (glibc's, or SLEEF's in its vector lanes) by an ulp or two, which the
 * parity suite's relative tolerance (1e-10) holds. The gradients are written as
 * {@code tools/autograd/derivatives.yaml} writes them, in its order of operations, so that 0,
 * ±1 and ±inf land on PyTorch's answers (asin'(±1) = +inf, atanh'(±1) = ±inf, …).
 */
public final class Trigonometric {
    private Trigonometric() {
    }

    /**
     * {@code torch.tan}, in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor tan(Tensor x) {
        return new Tan().apply(x);
    }

    /**
     * {@code torch.atan}: the inverse tangent, in (−π/2, π/2).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor atan(Tensor x) {
        return new Atan().apply(x);
    }

    /**
     * {@code torch.asin}: the inverse sine; NaN outside [−1, 1].
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor asin(Tensor x) {
        return new Asin().apply(x);
    }

    /**
     * {@code torch.acos}: the inverse cosine; NaN outside [−1, 1].
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor acos(Tensor x) {
        return new Acos().apply(x);
    }

    /**
     * {@code torch.sinh}: the hyperbolic sine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sinh(Tensor x) {
        return new Sinh().apply(x);
    }

    /**
     * {@code torch.cosh}: the hyperbolic cosine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor cosh(Tensor x) {
        return new Cosh().apply(x);
    }

    /**
     * {@code torch.asinh}: the inverse hyperbolic sine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor asinh(Tensor x) {
        return new Asinh().apply(x);
    }

    /**
     * {@code torch.acosh}: the inverse hyperbolic cosine; NaN below 1.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor acosh(Tensor x) {
        return new Acosh().apply(x);
    }

    /**
     * {@code torch.atanh}: the inverse hyperbolic tangent; ±inf at ±1, NaN beyond.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor atanh(Tensor x) {
        return new Atanh().apply(x);
    }

    /**
     * {@code torch.atan2(input, other)}: the angle of the point (other, input), in [−π, π]; shapes broadcast.
     * @param y the input (the y coordinate)
     * @param x the other (the x coordinate)
     * @return a new tensor of the broadcast shape
     */
    public static Tensor atan2(Tensor y, Tensor x) {
        return new Atan2().apply(y, x);
    }

    // ---------------------------------------------------------------- circular

    static final class Tan extends ElementwiseUnary {
        double f(double x) { return Math.tan(x); }
        // grad * (1 + result.pow(2)).
        double backward(double g, double x, double y) { return g * (1 + y * y); }
    }

    static final class Atan extends ElementwiseUnary {
        double f(double x) { return Math.atan(x); }
        // grad / (self * self + 1).
        double backward(double g, double x, double y) { return g / (x * x + 1); }
    }

    static final class Asin extends ElementwiseUnary {
        double f(double x) { return Math.asin(x); }
        // grad * (-self * self + 1).rsqrt(): +inf at ±1, NaN beyond.
        double backward(double g, double x, double y) { return g * (1 / Math.sqrt(-x * x + 1)); }
    }

    static final class Acos extends ElementwiseUnary {
        double f(double x) { return Math.acos(x); }
        // grad * -((-self * self + 1).rsqrt()).
        double backward(double g, double x, double y) { return g * -(1 / Math.sqrt(-x * x + 1)); }
    }

    // ---------------------------------------------------------------- hyperbolic

    static final class Sinh extends ElementwiseUnary {
        double f(double x) { return Math.sinh(x); }
        // grad * self.cosh().
        double backward(double g, double x, double y) { return g * Math.cosh(x); }
    }

    static final class Cosh extends ElementwiseUnary {
        double f(double x) { return Math.cosh(x); }
        // grad * self.sinh().
        double backward(double g, double x, double y) { return g * Math.sinh(x); }
    }

    static final class Asinh extends ElementwiseUnary {
        double f(double x) { return asinhOf(x); }
        // grad * (self.pow(2) + 1).rsqrt().
        double backward(double g, double x, double y) { return g * (1 / Math.sqrt(x * x + 1)); }
    }

    static final class Acosh extends ElementwiseUnary {
        double f(double x) { return acoshOf(x); }
        // grad * (self.pow(2) - 1).rsqrt(): +inf at 1, NaN below.
        double backward(double g, double x, double y) { return g * (1 / Math.sqrt(x * x - 1)); }
    }

    static final class Atanh extends ElementwiseUnary {
        double f(double x) { return atanhOf(x); }
        // grad * 1 / (1 - self.pow(2)): ±inf at ±1.
        double backward(double g, double x, double y) { return g / (1 - x * x); }
    }

    /** 2^28: beyond it x² + 1 is x² in double, and below 2^-28 asinh(x) and atanh(x) round to x. */
    private static final double BIG = 0x1p28;
    private static final double LN2 = 0.6931471805599453;

    /** fdlibm's s_asinh.c: log1p for small |x| (no cancellation), log(2|x|) + … for large, x itself for tiny. */
    static double asinhOf(double x) {
        double ax = Math.abs(x);
        if (!(ax < BIG) || ax < 1 / BIG) { // NaN, ±inf, huge, tiny
            return ax < 1 / BIG ? x : Double.isFinite(x) ? Math.copySign(Math.log(ax) + LN2, x) : x;
        }
        double w;
        if (ax > 2) {
            w = Math.log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
        } else {
            double t = x * x;
            w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(w, x);
    }

    /** fdlibm's e_acosh.c: NaN below 1, log(2x − …) above 2, log1p(t + √(2t + t²)) with t = x − 1 between. */
    static double acoshOf(double x) {
        if (!(x >= 1)) { // below 1, or NaN
            return Double.NaN;
        }
        if (x >= BIG) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** fdlibm's e_atanh.c: ½·log1p(2|x| + 2x²/(1 − |x|)) below ½, ½·log1p(2|x|/(1 − |x|)) above; ±inf at ±1. */
    static double atanhOf(double x) {
        double ax = Math.abs(x);
        if (!(ax <= 1)) { // beyond ±1, or NaN
            return Double.NaN;
        }
        if (ax < 1 / BIG) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            double twice = ax + ax;
            t = 0.5 * Math.log1p(twice + twice * ax / (1 - ax));
        } else {
            t = 0.5 * Math.log1p((ax + ax) / (1 - ax));
        }
        return Math.copySign(t, x);
    }

    /**
     * atan2 with PyTorch's gradient, atan2_backward in torch/csrc/autograd/FunctionsManual.cpp:
     * {@code recip = (self·self + other·other).reciprocal()}, then {@code grad·other·recip} and
     * {@code grad·(−self)·recip}: NaN at the origin.
     */
    static final class Atan2 extends ElementwiseBinary {
        double f(double a, double b) { return Math.atan2(a, b); }
        double gradA(double g, double a, double b, double out) { return g * b * (1 / (a * a + b * b)); }
        double gradB(double g, double a, double b, double out) { return g * -a * (1 / (a * a + b * b)); }
    }
}
