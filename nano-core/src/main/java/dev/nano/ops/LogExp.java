package dev.nano.ops;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * Logarithms and exponentials in other bases and forms: {@code log2 log10 exp2 logit logaddexp xlogy}.
 *
 * <p>Values use {@code Math} (log2 is split into exponent and mantissa, so that it is exact at powers
 * of two, as C's log2 is); they may differ from libtorch's glibc or SLEEF results by an ulp, which
 * the parity suite's relative tolerance (1e-10) holds. Gradients are written as
 * {@code tools/autograd/derivatives.yaml} (and the logit and xlogy kernels it calls) write them.
 */
public final class LogExp {
    private LogExp() {
    }

    /** ln 2 and ln 10 as derivatives.yaml spells them (log2's and log10's gradient divide by x·ln b). */
    private static final double LN2 = 0.6931471805599453;
    private static final double LN10 = 2.3025850929940456;

    /**
     * {@code torch.log2}: the base-2 logarithm; exact at powers of two.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log2(Tensor x) {
        return new Log2().apply(x);
    }

    /**
     * {@code torch.log10}: the base-10 logarithm.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log10(Tensor x) {
        return new Log10().apply(x);
    }

    /**
     * {@code torch.exp2}: 2^x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor exp2(Tensor x) {
        return new Exp2().apply(x);
    }

    /**
     * {@code torch.logit(x, eps)}: {@code log(x / (1 − x))}, x first clamped to [eps, 1 − eps] unless eps is null.
     * @param x the input tensor
     * @param eps the clamp, or null for none (then x outside [0, 1] gives NaN)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor logit(Tensor x, Double eps) {
        return new Logit(eps).apply(x);
    }

    /**
     * {@code torch.logaddexp}: {@code log(e^a + e^b)} without overflow; shapes broadcast.
     * @param a the input
     * @param b the other
     * @return a new tensor of the broadcast shape
     */
    public static Tensor logaddexp(Tensor a, Tensor b) {
        return new Logaddexp().apply(a, b);
    }

    /**
     * {@code torch.xlogy}: {@code a·log(b)}, 0 where a is 0 (unless b is NaN); shapes broadcast.
     * @param a the input
     * @param b the other
     * @return a new tensor of the broadcast shape
     */
    public static Tensor xlogy(Tensor a, Tensor b) {
        return new Xlogy().apply(a, b);
    }

    /**
     * {@code torch.xlogy} with a number for the logarithm's argument.
     * @param a the input
     * @param b the other
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor xlogy(Tensor a, double b) {
        return new XlogyOfNumber().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.xlogy} with a number for the factor.
     * @param a the input
     * @param b the other
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor xlogy(double a, Tensor b) {
        return new Xlogy().apply(Nano.scalar(a), b);
    }

    /** C's log2: exponent plus the log of the mantissa, taken in [√½, √2) where it is accurate. */
    static double log2Of(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) { // 0, negatives, NaN, inf: log gives -inf, NaN, NaN, inf
            return Math.log(x);
        }
        int shift = 0;
        if (x < Double.MIN_NORMAL) { // a subnormal: scale it into the normal range first (exact)
            x *= 0x1p54;
            shift = 54;
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e); // [1, 2), exact
        if (m > Math.sqrt(2)) {
            m *= 0.5;
            e++;
        }
        return (e - shift) + Math.log(m) / LN2;
    }

    static final class Log2 extends ElementwiseUnary {
        double f(double x) { return log2Of(x); }
        // grad / (self * 0.6931471805599453).
        double backward(double g, double x, double y) { return g / (x * LN2); }
    }

    static final class Log10 extends ElementwiseUnary {
        double f(double x) { return Math.log10(x); }
        // grad / (self * 2.3025850929940456).
        double backward(double g, double x, double y) { return g / (x * LN10); }
    }

    static final class Exp2 extends ElementwiseUnary {
        double f(double x) { return Math.pow(2, x); }
        // grad * result * M_LN2.
        double backward(double g, double x, double y) { return g * y * LN2; }
    }

    /**
     * logit_kernel and logit_backward_kernel (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp,
     * BinaryOpsKernel.cpp). Without eps: x = 1 gives +inf, outside [0, 1] NaN, and the gradient is
     * {@code grad / (x·(1 − x))} inside [0, 1] (±inf at its ends), NaN outside. With eps: x is
     * clamped to [eps, 1 − eps] and the gradient is 0 outside that interval. Where PyTorch's
     * vectorised and scalar backward kernels part (−0.0 without eps, NaN with eps), nano follows the
     * vectorised one, which handles all but a tensor's last few elements.
     */
    static final class Logit extends ElementwiseUnary {
        private final boolean clamped;
        private final double lo;
        private final double hi;

        Logit(Double eps) {
            this.clamped = eps != null;
            this.lo = clamped ? eps : 0;
            this.hi = clamped ? 1 - eps : 1;
        }

        double f(double x) {
            if (clamped) {
                x = x < lo ? lo : (x > hi ? hi : x);
            }
            return x == 1 ? Double.POSITIVE_INFINITY : Math.log(x / (1 - x));
        }

        // logit_backward reads a negative eps as "none" (its sentinel is -1): NaN outside [0, 1] then.
        double backward(double g, double x, double y) {
            boolean clampedBackward = clamped && lo >= 0;
            boolean inside = clampedBackward ? x >= lo && x <= hi : x >= 0 && x <= 1;
            if (inside) {
                return g / (x * (1 - x));
            }
            return clampedBackward ? 0 : Double.NaN;
        }
    }

    /**
     * logaddexp_kernel (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp): {@code a} when both are the
     * same infinity, else {@code max(a, b) + log1p(exp(−|a − b|))}. The gradients are
     * {@code grad / (1 + exp(other − self))} and its mirror (NaN where both are the same infinity).
     */
    static final class Logaddexp extends ElementwiseBinary {
        double f(double a, double b) {
            if (Double.isInfinite(a) && a == b) {
                return a;
            }
            return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
        }
        double gradA(double g, double a, double b, double out) { return g / (1 + Math.exp(b - a)); }
        double gradB(double g, double a, double b, double out) { return g / (1 + Math.exp(a - b)); }
    }

    /**
     * xlogy_kernel: NaN where b is NaN, else 0 where a is 0, else {@code a·log(b)}. The gradients are
     * {@code xlogy(grad, other).masked_fill((self == 0) & (other <= 0), 0)} (so grad·log(other) even
     * where self is 0, unless other ≤ 0) and {@code grad·self / other}.
     */
    static class Xlogy extends ElementwiseBinary {
        double f(double a, double b) { return xlogyOf(a, b); }
        double gradA(double g, double a, double b, double out) { return a == 0 && b <= 0 ? 0 : xlogyOf(g, b); }
        double gradB(double g, double a, double b, double out) { return g * a / b; }
    }

    /**
     * xlogy with a number for the logarithm's argument (xlogy.Scalar_Other, node XlogyBackward2). Its
     * gradient is 0 where self is 0 unless the number is &gt; 0, NaN included (the tensor form answers
     * NaN there): libtorch 2.7.1's answers, which the catalogue's "edges,nan" case records.
     */
    static final class XlogyOfNumber extends Xlogy {
        @Override
        double gradA(double g, double a, double b, double out) { return a == 0 && !(b > 0) ? 0 : xlogyOf(g, b); }

        @Override
        public String name() {
            return "XlogyBackward2";
        }
    }

    static double xlogyOf(double a, double b) {
        if (Double.isNaN(b)) {
            return Double.NaN;
        }
        return a == 0 ? 0 : a * Math.log(b);
    }
}
