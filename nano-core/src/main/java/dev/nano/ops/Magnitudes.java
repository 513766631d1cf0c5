package dev.nano.ops;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * Magnitude and sign: {@code hypot copysign nanToNum}.
 */
public final class Magnitudes {
    private Magnitudes() {
    }

    /**
     * {@code torch.hypot}: {@code √(a² + b²)} without overflow or underflow; shapes broadcast.
     * @param a the input
     * @param b the other
     * @return a new tensor of the broadcast shape
     */
    public static Tensor hypot(Tensor a, Tensor b) {
        return new Hypot().apply(a, b);
    }

    /**
     * {@code torch.copysign}: |a| with the sign (bit) of b, so −0.0 counts as negative; shapes broadcast.
     * @param a the magnitude
     * @param b the sign
     * @return a new tensor of the broadcast shape
     */
    public static Tensor copysign(Tensor a, Tensor b) {
        return new Copysign().apply(a, b);
    }

    /**
     * {@code torch.copysign} with a number for the sign.
     * @param a the magnitude
     * @param b the sign
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor copysign(Tensor a, double b) {
        return new Copysign().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.nan_to_num}: NaN, +inf and −inf replaced by numbers.
     * @param x the input tensor
     * @param nan what NaN becomes, or null for 0
     * @param posinf what +inf becomes, or null for the largest double
     * @param neginf what −inf becomes, or null for the lowest double
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor nanToNum(Tensor x, Double nan, Double posinf, Double neginf) {
        return new NanToNum(nan == null ? 0.0 : nan, posinf == null ? Double.MAX_VALUE : posinf,
                neginf == null ? -Double.MAX_VALUE : neginf).apply(x);
    }

    /** std::hypot; the gradients are {@code grad·self / result} and {@code grad·other / result}. */
    static final class Hypot extends ElementwiseBinary {
        double f(double a, double b) { return Math.hypot(a, b); }
        @Override boolean gradientReadsResult() { return true; }
        double gradA(double g, double a, double b, double out) { return g * a / out; }
        double gradB(double g, double a, double b, double out) { return g * b / out; }
    }

    /**
     * copysign; its gradient is copysign_tensor_self_backward (torch/csrc/autograd/FunctionsManual.cpp):
     * {@code grad · (result / self)}, with the ratio 0 where self is 0. The sign operand gets zeros.
     */
    static final class Copysign extends ElementwiseBinary {
        double f(double a, double b) { return Math.copySign(a, b); }
        @Override boolean gradientReadsResult() { return true; }
        double gradA(double g, double a, double b, double out) { return g * (a == 0 ? 0 : out / a); }
        double gradB(double g, double a, double b, double out) { return 0; }
    }

    /** nan_to_num_kernel; its gradient is {@code grad · isfinite(self)}: 0 at NaN and ±inf. */
    static final class NanToNum extends ElementwiseUnary {
        private final double nan;
        private final double posinf;
        private final double neginf;

        NanToNum(double nan, double posinf, double neginf) {
            this.nan = nan;
            this.posinf = posinf;
            this.neginf = neginf;
        }

        double f(double x) {
            if (Double.isNaN(x)) {
                return nan;
            }
            return x == Double.POSITIVE_INFINITY ? posinf : x == Double.NEGATIVE_INFINITY ? neginf : x;
        }

        double backward(double g, double x, double y) { return g * (Double.isFinite(x) ? 1.0 : 0.0); }
    }
}
