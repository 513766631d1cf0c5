package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * Rounding and remainders: {@code floor ceil round} (half to even, optionally to {@code decimals}
 * places) {@code trunc frac fmod remainder}.
 *
 * <p>The rounded values are flat: PyTorch's gradient of floor, ceil, round and trunc is
 * {@code zeros_like(grad)} (tools/autograd/derivatives.yaml), zero even where the upstream gradient is
 * NaN or inf, so they save nothing. frac passes the gradient through; fmod and remainder pass it
 * to their first operand and send {@code −grad·(self / other rounded)} to the second, the quotient
 * rounded toward zero for fmod and toward −∞ for remainder (the rounded {@code div} nano already has).
 */
public final class Rounding {
    private Rounding() {
    }

    /**
     * {@code torch.floor}: the largest whole number ≤ x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor floor(Tensor x) {
        return new Floor().apply(x);
    }

    /**
     * {@code torch.ceil}: the smallest whole number ≥ x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor ceil(Tensor x) {
        return new Ceil().apply(x);
    }

    /**
     * {@code torch.round}: the nearest whole number, halves to even (C's nearbyint).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor round(Tensor x) {
        return new Round().apply(x);
    }

    /**
     * {@code torch.round(x, decimals=d)}: rounded (halves to even) to {@code d} decimal places; a negative
     * {@code d} rounds to tens, hundreds, …. Computed as PyTorch's round_decimals_kernel does,
     * {@code nearbyint(x · 10^d) / 10^d}, so a result is the nearest double to that, not always the
     * decimal the printout suggests.
     * @param x the input tensor
     * @param decimals the number of decimal places
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor round(Tensor x, int decimals) {
        return new RoundDecimals(decimals).apply(x);
    }

    /**
     * {@code torch.trunc}: x rounded toward zero.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor trunc(Tensor x) {
        return new Trunc().apply(x);
    }

    /**
     * {@code torch.frac}: {@code x − trunc(x)}, with the sign of x; NaN at ±inf.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor frac(Tensor x) {
        if (x.dtype() != DType.FLOAT64) { // frac has no integer kernel (unlike floor, which copies integers)
            throw new IllegalArgumentException("\"frac_cpu\" not implemented for '"
                    + Selection.scalarTypeName(x.dtype()) + "'");
        }
        return new Frac().apply(x);
    }

    /**
     * {@code torch.fmod}: C's fmod, the remainder of the division rounded toward zero (the sign of {@code a}).
     * @param a the dividend
     * @param b the divisor; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor fmod(Tensor a, Tensor b) {
        return new Fmod().apply(a, b);
    }

    /**
     * {@code torch.fmod} with a number for the divisor.
     * @param a the dividend
     * @param b the divisor
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor fmod(Tensor a, double b) {
        return new Fmod().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.remainder}: Python's {@code %}, the remainder of the division rounded toward −∞ (the sign of {@code b}).
     * @param a the dividend
     * @param b the divisor; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor remainder(Tensor a, Tensor b) {
        return new Remainder().apply(a, b);
    }

    /**
     * {@code torch.remainder} with a number for the divisor.
     * @param a the dividend
     * @param b the divisor
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor remainder(Tensor a, double b) {
        return new Remainder().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.remainder} with a number for the dividend (remainder.Scalar_Tensor).
     * @param a the dividend
     * @param b the divisor
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor remainder(double a, Tensor b) {
        return new RemainderOfNumber().apply(Nano.scalar(a), b);
    }

    /** A flat function: its gradient is zeros_like(grad), whatever grad holds, so it saves nothing. */
    abstract static class Flat extends ElementwiseUnary {
        @Override boolean gradientReadsValues() { return false; }
        double backward(double g, double x, double y) { return 0.0; }
    }

    static final class Floor extends Flat {
        double f(double x) { return Math.floor(x); }
    }

    static final class Ceil extends Flat {
        double f(double x) { return Math.ceil(x); }
    }

    /** nearbyint in the default rounding mode is Java's rint: halves go to the even neighbour. */
    static final class Round extends Flat {
        double f(double x) { return Math.rint(x); }
    }

    /**
     * round_decimals_kernel (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp): for d ≥ 0
     * {@code nearbyint(x · 10^d) / 10^d}, for d &lt; 0 {@code nearbyint(x / 10^−d) · 10^−d}. Node RoundBackward1.
     */
    static final class RoundDecimals extends Flat {
        private final boolean negative;
        private final double tenPow;

        RoundDecimals(int decimals) {
            this.negative = decimals < 0;
            this.tenPow = Math.pow(10, Math.abs((double) decimals));
        }

        double f(double x) {
            return negative ? Math.rint(x / tenPow) * tenPow : Math.rint(x * tenPow) / tenPow;
        }

        @Override
        public String name() {
            return "RoundBackward1";
        }
    }

    static final class Trunc extends Flat {
        double f(double x) { return truncOf(x); }
    }

    /** C's trunc: toward zero, keeping the sign of a zero result (trunc(−0.5) = −0.0). */
    static double truncOf(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** {@code a − trunc(a)}, as frac_kernel; its gradient is grad itself. */
    static final class Frac extends ElementwiseUnary {
        double f(double x) { return x - truncOf(x); }
        @Override boolean gradientReadsValues() { return false; }
        double backward(double g, double x, double y) { return g; }
    }

    /** C's fmod is Java's {@code %} on doubles: exact, with the sign of the dividend. */
    static final class Fmod extends ElementwiseBinary {
        double f(double a, double b) { return a % b; }
        double gradA(double g, double a, double b, double out) { return g; }
        // -grad * self.div(other, rounding_mode="trunc").
        double gradB(double g, double a, double b, double out) { return -g * truncOf(a / b); }
    }

    /**
     * remainder_kernel (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp): {@code mod = fmod(a, b)}, moved
     * by b when it is not 0 and its sign differs from b's.
     */
    static class Remainder extends ElementwiseBinary {
        double f(double a, double b) {
            double mod = a % b;
            if (mod != 0 && (b < 0) != (mod < 0)) {
                mod += b;
            }
            return mod;
        }
        double gradA(double g, double a, double b, double out) { return g; }
        // -grad * self.div(other, rounding_mode="floor").
        double gradB(double g, double a, double b, double out) { return -g * Arithmetic.DivRounded.divFloor(a, b); }
    }

    /**
     * remainder with a number for the dividend (remainder.Scalar_Tensor). PyTorch's derivatives.yaml has
     * no formula for this overload, so its backward fails; nano's does too, with PyTorch's words.
     */
    static final class RemainderOfNumber extends Remainder {
        @Override
        protected Tensor[] backward(dev.nano.autograd.Context ctx, Tensor gradOutput) {
            throw new IllegalStateException("derivative for aten::remainder is not implemented");
        }

        @Override
        public String name() {
            return "RemainderBackward1";
        }
    }
}
