package dev.nano.ops;

import dev.nano.DType;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * {@code add sub mul div pow neg}, each with broadcasting. A scalar operand becomes a 0-d tensor
 * that does not require grad, so {@code t + 2}, {@code 2 - t} and {@code t ** 2} run through the
 * same code as tensor∘tensor. Gradient formulas are written in PyTorch's order of operations
 * ({@code tools/autograd/derivatives.yaml}) so that extreme values round the same way.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /**
     * {@code torch.add(a, b)}: a + b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor add(Tensor a, Tensor b) {
        return new Add().apply(a, b);
    }

    /**
     * {@code torch.add(a, b)} with a scalar b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor add(Tensor a, double b) {
        return new Add().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.sub(a, b)}: a − b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor sub(Tensor a, Tensor b) {
        return new Sub().apply(a, b);
    }

    /**
     * {@code torch.sub(a, b)} with a scalar b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor sub(Tensor a, double b) {
        return new Sub().apply(a, Nano.scalar(b));
    }

    /**
     * {@code a - b} with the scalar on the left (PyTorch's rsub).
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor
     */
    public static Tensor sub(double a, Tensor b) {
        return new Sub().apply(Nano.scalar(a), b);
    }

    /**
     * {@code torch.mul(a, b)}: a · b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor mul(Tensor a, Tensor b) {
        return new Mul().apply(a, b);
    }

    /**
     * {@code torch.mul(a, b)} with a scalar b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor mul(Tensor a, double b) {
        return new Mul().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.div(a, b)}: true division a / b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor div(Tensor a, Tensor b) {
        return new Div().apply(a, b);
    }

    /**
     * {@code torch.div(a, b)} with a scalar b.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor div(Tensor a, double b) {
        return new Div().apply(a, Nano.scalar(b));
    }

    /**
     * {@code torch.div(a, b, rounding_mode=mode)}: the quotient rounded toward zero ({@code "trunc"})
     * or toward −∞ ({@code "floor"}); {@code null} is true division. The rounded quotient is flat, so
     * its gradients are zeros (derivatives.yaml: div.Tensor_mode, div_tensor_self_backward).
     * @param a the dividend
     * @param b the divisor; tensors broadcast
     * @param roundingMode null, "trunc" or "floor"
     * @return a new tensor of the broadcast shape
     */
    public static Tensor div(Tensor a, Tensor b, String roundingMode) {
        if (roundingMode == null) {
            return div(a, b);
        }
        return new DivRounded(roundingMode).apply(a, b);
    }

    /**
     * {@code a + alpha · b} ({@code torch.add(a, b, alpha=alpha)}), as PyTorch's default CPU kernel
     * computes it: the product rounded, then the sum ({@code self + alpha * other} in
     * aten/src/ATen/native/ufunc/add.h; the AVX2/AVX-512 kernels fuse the two into one FMA, so
     * their answers can differ in the last bit, which the fixtures record per dispatch).
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @param alpha the multiplier of {@code b}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        return new AddScaled(alpha, "AddBackward0").apply(a, b);
    }

    /**
     * {@code a − alpha · b} ({@code torch.sub(a, b, alpha=alpha)}): aten's sub is add with −alpha.
     * @param a the left operand
     * @param b the right operand; tensors broadcast
     * @param alpha the multiplier of {@code b}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        return new AddScaled(-alpha, "SubBackward0").apply(a, b);
    }

    /**
     * {@code a / b} with the scalar on the left: Python's {@code s / t}, which torch/_tensor.py writes
     * as {@code t.reciprocal() * s} (__rdiv__), not as a division. The two differ where 1 / b
     * overflows: {@code -0.0 / -Double.MIN_VALUE} is {@code -inf · -0.0 = NaN} in PyTorch, and
     * {@code 1e-300 / Double.MIN_VALUE} is inf. The gradient follows the same two nodes.
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor div(double a, Tensor b) {
        return mul(Unary.reciprocal(b), a);
    }

    /**
     * {@code torch.pow(base, exponent)}, both tensors.
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor of the broadcast shape
     */
    public static Tensor pow(Tensor base, Tensor exponent) {
        return new Pow().apply(base, exponent);
    }

    /**
     * {@code base ** exponent} with a Java exponent: PyTorch's pow.Tensor_Scalar (see {@link PowScalar}).
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor
     */
    public static Tensor pow(Tensor base, double exponent) {
        return new PowScalar(exponent).apply(base);
    }

    /**
     * {@code torch.pow(base, exponent)} with a scalar base.
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor of the broadcast shape
     */
    public static Tensor pow(double base, Tensor exponent) {
        return new Pow().apply(Nano.scalar(base), exponent);
    }

    /**
     * {@code torch.neg}: −x.
     * @param x the input tensor
     * @return a new tensor of the broadcast shape
     */
    public static Tensor neg(Tensor x) {
        if (x.dtype() == DType.BOOL) { // PyTorch's own refusal, word for word (aten's neg checks it first)
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you "
                    + "are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        return new Neg().apply(x);
    }

    static final class Add extends ElementwiseBinary {
        boolean gradientReadsValues() { return false; }
        double f(double a, double b) { return a + b; }
        @Override void sameShape(double[] a, double[] b, double[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = a[i] + b[i];
            }
        }
        double gradA(double g, double a, double b, double out) { return g; }
        double gradB(double g, double a, double b, double out) { return g; }
        @Override boolean passesGradientThrough(boolean forA) { return true; }
    }

    /**
     * {@code a + alpha · b} in one node, as PyTorch's add with alpha is one AddBackward0: the product
     * rounded, then the sum; the gradient of b is {@code grad · alpha} (derivatives.yaml's
     * {@code maybe_multiply(grad, alpha)}).
     */
    static final class AddScaled extends ElementwiseBinary {
        private final double alpha;
        private final String name;
        AddScaled(double alpha, String name) {
            this.alpha = alpha;
            this.name = name;
        }
        @Override public String name() { return name; }
        boolean gradientReadsValues() { return false; }
        double f(double a, double b) { return a + alpha * b; }
        @Override void sameShape(double[] a, double[] b, double[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = a[i] + alpha * b[i];
            }
        }
        double gradA(double g, double a, double b, double out) { return g; }
        double gradB(double g, double a, double b, double out) { return g * alpha; }
        @Override boolean passesGradientThrough(boolean forA) { return forA; }
    }

    static final class Sub extends ElementwiseBinary {
        boolean gradientReadsValues() { return false; }
        double f(double a, double b) { return a - b; }
        @Override void sameShape(double[] a, double[] b, double[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = a[i] - b[i];
            }
        }
        double gradA(double g, double a, double b, double out) { return g; }
        double gradB(double g, double a, double b, double out) { return -g; }
        @Override boolean passesGradientThrough(boolean forA) { return forA; }
    }

    static final class Mul extends ElementwiseBinary {
        double f(double a, double b) { return a * b; }
        @Override void sameShape(double[] a, double[] b, double[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = a[i] * b[i];
            }
        }
        double gradA(double g, double a, double b, double out) { return g * b; }
        double gradB(double g, double a, double b, double out) { return g * a; }
        @Override void sameShapeGradient(boolean forA, double[] g, double[] a, double[] b, double[] out, double[] r,
                                         int from, int to) {
            double[] other = forA ? b : a;
            for (int i = from; i < to; i++) {
                r[i] = g[i] * other[i];
            }
        }
    }

    static final class Div extends ElementwiseBinary {
        double f(double a, double b) { return a / b; }
        @Override void sameShape(double[] a, double[] b, double[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = a[i] / b[i];
            }
        }
        double gradA(double g, double a, double b, double out) { return g / b; }
        // PyTorch: -grad * ((self / other) / other); (a/b)/b does not overflow where a/(b*b) would.
        double gradB(double g, double a, double b, double out) { return -g * ((a / b) / b); }
    }

    /**
     * Division with a rounding mode (PyTorch's div.Tensor_mode, node DivBackward1): "trunc" is
     * {@code trunc(a / b)}; "floor" is c10's div_floor_floating (c10/util/generic_math.h), which
     * rounds the exact quotient (a − fmod(a, b)) / b rather than a / b, and gives a / b when b is 0.
     */
    static final class DivRounded extends ElementwiseBinary {
        private final boolean floor;

        DivRounded(String mode) {
            if (!mode.equals("trunc") && !mode.equals("floor")) {
                throw new IllegalArgumentException("div expected rounding_mode to be one of None, 'trunc', or "
                        + "'floor' but found '" + mode + "'");
            }
            this.floor = mode.equals("floor");
        }

        @Override
        public String name() {
            return "DivBackward1";
        }

        boolean gradientReadsValues() { return false; }

        double f(double a, double b) { return floor ? divFloor(a, b) : trunc(a / b); }

        double gradA(double g, double a, double b, double out) { return 0; }

        double gradB(double g, double a, double b, double out) { return 0; }

        private static double trunc(double x) {
            return x < 0 ? Math.ceil(x) : Math.floor(x);
        }

        static double divFloor(double a, double b) {
            if (b == 0) {
                return a / b;
            }
            double mod = a % b; // Java's % on doubles is C's fmod
            double div = (a - mod) / b;
            if (mod != 0 && (b < 0) != (mod < 0)) {
                div -= 1;
            }
            if (div == 0) {
                return Math.copySign(0.0, a / b);
            }
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1;
            }
            return floordiv;
        }
    }

    static final class Pow extends ElementwiseBinary {
        double f(double a, double b) { return cpow(a, b); }
        @Override boolean gradientReadsResult() { return true; }

        // pow_backward_self: 0 where the exponent is 0 (so x**0 has gradient 0 even at x = 0).
        double gradA(double g, double a, double b, double out) {
            return b == 0 ? 0 : g * (b * cpow(a, b - 1));
        }

        // pow_backward_exponent: 0 where base == 0 and exponent >= 0, else g * out * log(base).
        double gradB(double g, double a, double b, double out) {
            return (a == 0 && b >= 0) ? 0 : g * (out * Math.log(a));
        }
    }

    /**
     * {@code x ** e} with a number for e (PyTorch's pow.Tensor_Scalar, node PowBackward0). Unlike the
     * tensor∘tensor pow, whose kernel is C's pow everywhere, this one special-cases exponents
     * ({@link #powScalar}), and those cases differ from C's pow where the base is -0.0 or -inf:
     * {@code (-inf) ** 0.5} is sqrt(-inf) = NaN (C: +inf), {@code (-0.0) ** 0.5} is -0.0 (C: +0.0),
     * {@code (-0.0) ** -0.5} is 1 / sqrt(-0.0) = -inf (C: +inf). The gradient, pow_backward in
     * FunctionsManual.cpp, is {@code grad * (e * self.pow(e - 1))} with that same special-cased pow,
     * so the gradient of {@code x ** 1.5} at -inf is 1.5 · sqrt(-inf) = NaN, and 0 for e = 0.
     */
    static final class PowScalar extends ElementwiseUnary {
        private final double exponent;

        PowScalar(double exponent) {
            this.exponent = exponent;
        }

        // The exponent is a number operand: it counts as a float64 input, as the 2.0 of mul(2.0) does.
        @Override
        protected boolean hasNumberOperand() {
            return true;
        }

        double f(double x) { return powScalar(x, exponent); }

        double backward(double g, double x, double y) {
            return exponent == 0 ? 0 : g * (exponent * powScalar(x, exponent - 1));
        }

        @Override
        public String name() {
            return "PowBackward0";
        }
    }

    /**
     * PyTorch's pow with a number exponent on float64 (Pow.cpp's pow_out, then PowKernel.cpp's
     * pow_tensor_scalar_kernel): 0 fills ones, 1 copies, 0.5 is sqrt, -0.5 is 1 / sqrt (rsqrt),
     * -1 is 1 / x (reciprocal), 2 is x·x, 3 is x·x·x, -2 is 1 / (x·x); any other exponent is C's pow.
     */
    static double powScalar(double x, double e) {
        if (e == 0) {
            return 1;
        } else if (e == 1) {
            return x;
        } else if (e == 0.5) {
            return Math.sqrt(x);
        } else if (e == -0.5) {
            return 1 / Math.sqrt(x);
        } else if (e == -1) {
            return 1 / x;
        } else if (e == 2) {
            return x * x;
        } else if (e == 3) {
            return x * x * x;
        } else if (e == -2) {
            return 1 / (x * x);
        }
        return cpow(x, e);
    }

    static final class Neg extends ElementwiseUnary {
        boolean gradientReadsValues() { return false; }
        double f(double x) { return -x; }
        double backward(double g, double x, double y) { return -g; }
    }

    /**
     * C's {@code pow}, which PyTorch uses. Java's {@code Math.pow} differs in two corners:
     * C gives {@code pow(1, y) = 1} for every y (even NaN) and {@code pow(-1, ±inf) = 1};
     * Java gives NaN for both.
     */
    static double cpow(double base, double exponent) {
        if (base == 1.0) {
            return 1.0;
        }
        if (base == -1.0 && Double.isInfinite(exponent)) {
            return 1.0;
        }
        return Math.pow(base, exponent);
    }
}
