package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;

/**
 * Elementwise math and activations: {@code exp log log1p expm1 sqrt rsqrt abs sign reciprocal
 * square sin cos tanh sigmoid relu leakyRelu gelu silu softplus elu erf}.
 *
 * <p>Each op is a small {@link ElementwiseUnary}: the forward value and the local gradient side by
 * side. Both are written the way PyTorch's CPU kernels ({@code aten/src/ATen/native/cpu/
 * UnaryOpsKernel.cpp}, {@code Activation.cpp}) and derivative formulas
 * ({@code tools/autograd/derivatives.yaml}) write them, in the same order of operations, so
 * that results agree to the last bit or two and special values (0, ±inf, NaN) land on the same
 * answers: {@code sqrt'(0) = +inf}, {@code relu'(0) = 0}, {@code abs'(0) = 0}, and so on.
 */
public final class Unary {
    private Unary() {
    }

    /**
     * {@code torch.exp}: e^x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor exp(Tensor x) {
        return new Exp().apply(x);
    }

    /**
     * {@code torch.log}: the natural logarithm; 0 gives −inf, negatives NaN.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log(Tensor x) {
        return new Log().apply(x);
    }

    /**
     * {@code torch.log1p}: ln(1 + x), accurate for tiny |x|.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log1p(Tensor x) {
        return new Log1p().apply(x);
    }

    /**
     * {@code torch.expm1}: e^x − 1, accurate for tiny |x|.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor expm1(Tensor x) {
        return new Expm1().apply(x);
    }

    /**
     * {@code torch.sqrt}: √x; negatives give NaN.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sqrt(Tensor x) {
        return new Sqrt().apply(x);
    }

    /**
     * {@code torch.rsqrt}: 1 / √x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor rsqrt(Tensor x) {
        return new Rsqrt().apply(x);
    }

    /**
     * {@code torch.abs}: |x|; gradient 0 at 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor abs(Tensor x) {
        return new Abs().apply(x);
    }

    /**
     * {@code torch.sign}: −1, 0 or +1; gradient 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sign(Tensor x) {
        return new Sign().apply(x);
    }

    /**
     * {@code torch.reciprocal}: 1 / x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor reciprocal(Tensor x) {
        return new Reciprocal().apply(x);
    }

    /**
     * {@code torch.square}: x·x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor square(Tensor x) {
        return new Square().apply(x);
    }

    /**
     * {@code torch.sin}, in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sin(Tensor x) {
        return new Sin().apply(x);
    }

    /**
     * {@code torch.cos}, in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor cos(Tensor x) {
        return new Cos().apply(x);
    }

    /**
     * {@code torch.tanh}: the hyperbolic tangent.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor tanh(Tensor x) {
        return new Tanh().apply(x);
    }

    /**
     * {@code torch.sigmoid}: 1 / (1 + e^−x).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sigmoid(Tensor x) {
        return new Sigmoid().apply(x);
    }

    /**
     * {@code torch.relu}: max(x, 0); gradient 0 at 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor relu(Tensor x) {
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Boolean inputs not supported for relu");
        }
        return new Relu().apply(x);
    }

    /**
     * {@code F.silu}: x·sigmoid(x).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor silu(Tensor x) {
        return new Silu().apply(x);
    }

    /**
     * {@code torch.erf}: the error function.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor erf(Tensor x) {
        return new Erf().apply(x);
    }

    /**
     * {@code F.leaky_relu}: x where x &gt; 0, else {@code negativeSlope·x}.
     * @param x the input tensor
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFloating(x, "leaky_relu_cpu");
        return new LeakyRelu(negativeSlope).apply(x);
    }

    /**
     * {@code approximate} is "none" (the exact x·Φ(x), with erf) or "tanh" (the tanh approximation).
     * @param x the input tensor
     * @param approximate "none" or "tanh"
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor gelu(Tensor x, String approximate) {
        if ("none".equals(approximate) || "tanh".equals(approximate)) {
            requireFloating(x, "GeluKernelImpl");
        }
        if ("none".equals(approximate)) {
            return new Gelu().apply(x);
        }
        if ("tanh".equals(approximate)) {
            return new GeluTanh().apply(x);
        }
        throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }

    /**
     * {@code F.softplus}: ln(1 + e^(beta·x)) / beta, and x itself where beta·x &gt; threshold.
     * @param x the input tensor
     * @param beta the sharpness
     * @param threshold above it the function is taken as linear
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFloating(x, "softplus_cpu");
        return new Softplus(beta, threshold).apply(x);
    }

    /**
     * {@code F.elu}: x where x &gt; 0, else alpha·(e^x − 1).
     * @param x the input tensor
     * @param alpha the negative saturation value
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor elu(Tensor x, double alpha) {
        requireFloating(x, "elu_cpu");
        return new Elu(alpha).apply(x);
    }

    /**
     * PyTorch dispatches leaky_relu, gelu, softplus and elu on floating types only: a bool or
     * int64 input fails with the dispatcher's message, e.g. {@code "elu_cpu" not implemented for
     * 'Long'} (unlike exp or sqrt, which promote such inputs to float).
     */
    private static void requireFloating(Tensor x, String kernel) {
        if (x.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '"
                    + Selection.scalarTypeName(x.dtype()) + "'");
        }
    }

    // ---------------------------------------------------------------- exponentials and logs

    static final class Exp extends ElementwiseUnary {
        double f(double x) { return Math.exp(x); }
        double backward(double g, double x, double y) { return g * y; }
        @Override void forwardRange(double[] x, double[] y, int from, int to) { Kernels.ACTIVE.exp(x, y, from, to); }
    }

    static final class Log extends ElementwiseUnary {
        double f(double x) { return Math.log(x); }
        @Override void forwardRange(double[] x, double[] y, int from, int to) { Kernels.ACTIVE.log(x, y, from, to); }
        // grad.div(self): +inf at 0. For x < 0 the value is NaN but the gradient stays g / x.
        double backward(double g, double x, double y) { return g / x; }
    }

    static final class Log1p extends ElementwiseUnary {
        double f(double x) { return Math.log1p(x); }
        @Override void forwardRange(double[] x, double[] y, int from, int to) { Kernels.ACTIVE.log1p(x, y, from, to); }
        // log1p_backward: grad / (self + 1).
        double backward(double g, double x, double y) { return g / (x + 1); }

        /** PyTorch title-cases "log1p" into {@code Log1PBackward0}. */
        @Override
        public String name() {
            return "Log1PBackward0";
        }
    }

    static final class Expm1 extends ElementwiseUnary {
        double f(double x) { return Math.expm1(x); }
        double backward(double g, double x, double y) { return g * (y + 1); }
    }

    // ---------------------------------------------------------------- powers and roots

    static final class Sqrt extends ElementwiseUnary {
        double f(double x) { return Math.sqrt(x); }
        // grad / (2 * result): +inf at 0, NaN for x < 0 (result is NaN).
        double backward(double g, double x, double y) { return g / (2 * y); }
    }

    static final class Rsqrt extends ElementwiseUnary {
        double f(double x) { return 1.0 / Math.sqrt(x); }
        // -0.5 * grad * result.pow(3); pow(3) is computed as y*y*y. -inf at 0.
        double backward(double g, double x, double y) { return (-0.5 * g) * (y * y * y); }
    }

    static final class Reciprocal extends ElementwiseUnary {
        double f(double x) { return 1.0 / x; }
        // -grad * (result * result): -inf at 0.
        double backward(double g, double x, double y) { return -g * (y * y); }
    }

    /**
     * {@code torch.square(x)} is {@code x.pow(2)} in PyTorch, so the graph node is PowBackward0
     * and the gradient is pow_backward's {@code grad * (2 * x^1)}.
     */
    static final class Square extends ElementwiseUnary {
        double f(double x) { return x * x; }
        double backward(double g, double x, double y) { return g * (2.0 * x); }

        @Override
        public String name() {
            return "PowBackward0";
        }
    }

    // ---------------------------------------------------------------- sign

    static final class Abs extends ElementwiseUnary {
        double f(double x) { return Math.abs(x); }
        // grad * self.sgn(): 0 at ±0, so the subgradient chosen at the kink is 0.
        double backward(double g, double x, double y) { return g * sign(x); }
    }

    static final class Sign extends ElementwiseUnary {
        double f(double x) { return sign(x); }
        // Piecewise constant: zeros_like(grad), whatever grad holds.
        double backward(double g, double x, double y) { return 0.0; }
    }

    /**
     * PyTorch's sign kernel, {@code (0 < x) - (x < 0)}: +0.0 for both zeros and, because every
     * comparison with NaN is false, 0 for NaN (unlike Java's {@code Math.signum}, which returns
     * -0.0 and NaN there).
     */
    static double sign(double x) {
        return (x > 0 ? 1.0 : 0.0) - (x < 0 ? 1.0 : 0.0);
    }

    // ---------------------------------------------------------------- trigonometric

    static final class Sin extends ElementwiseUnary {
        double f(double x) { return Math.sin(x); }
        double backward(double g, double x, double y) { return g * Math.cos(x); }
    }

    static final class Cos extends ElementwiseUnary {
        double f(double x) { return Math.cos(x); }
        double backward(double g, double x, double y) { return g * -Math.sin(x); }
    }

    static final class Tanh extends ElementwiseUnary {
        double f(double x) { return tanhOf(x); }
        @Override void forwardRange(double[] x, double[] y, int from, int to) { Kernels.ACTIVE.tanh(x, y, from, to); }
        // tanh_backward: grad * (1 - y*y).
        double backward(double g, double x, double y) { return g * (1 - y * y); }
    }

    /**
     * tanh without {@code Math.tanh}, which on JDK 17 is a call into native StrictMath, several
     * times slower than this. Within 4 ulps of it (over 2e7 random values from 1e-300 to ±20, and
     * the edges):
     * <ul>
     *   <li>|x| &lt; 2 (and NaN): Lambert's continued fraction
     *       {@code tanh x = x/(1 + x²/(3 + x²/(5 + … + x²/25)))}, multiplied out into one ratio of
     *       polynomials in x² with exact integer coefficients (all positive, so no cancellation).
     *       Cut at 25 it is exact to double precision on |x| ≤ 2 (error below 1e-20), and it keeps
     *       ±0, NaN and the tiniest x as they are.
     *   <li>|x| ≥ 2: {@code 1 - 2/(e^{2|x|} + 1)} with x's sign (no cancellation: the result is at
     *       least 0.96); e^{2|x|} = inf for huge x and ±inf gives exactly ±1.
     * </ul>
     */
    static double tanhOf(double x) {
        double ax = Math.abs(x);
        if (ax >= 2) {
            return Math.copySign(1 - 2 / (Math.exp(2 * ax) + 1), x);
        }
        double y = x * x;
        double p = 7905853580625.0 + y * (1159525191825.0 + y * (41247931725.0 + y * (523783260.0
                + y * (2552550.0 + y * (4095.0 + y)))));
        double q = 7905853580625.0 + y * (3794809718700.0 + y * (252070693875.0 + y * (5237832600.0
                + y * (41351310.0 + y * (120120.0 + y * 91.0)))));
        return x * p / q;
    }

    // ---------------------------------------------------------------- activations

    static final class Sigmoid extends ElementwiseUnary {
        double f(double x) { return sigmoidOf(x); }
        @Override void forwardRange(double[] x, double[] y, int from, int to) {
            Kernels.ACTIVE.sigmoid(x, y, from, to);
        }
        // sigmoid_backward: grad * (1 - y) * y.
        double backward(double g, double x, double y) { return g * (1 - y) * y; }
    }

    /** PyTorch's sigmoid kernel, {@code 1 / (1 + exp(-x))}: 0 at -inf, 1 at +inf, no overflow issue. */
    static double sigmoidOf(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * relu is {@code clamp_min(x, 0)} in PyTorch, i.e. C++'s {@code std::max(x, 0)}: NaN stays NaN
     * and -0.0 stays -0.0. The gradient is threshold_backward(grad, result, 0): grad where the
     * result is positive (or NaN), so {@code relu'(0) = 0}.
     */
    static final class Relu extends ElementwiseUnary {
        double f(double x) { return x < 0 ? 0.0 : x; }
        double backward(double g, double x, double y) { return y <= 0 ? 0.0 : g; }
    }

    /** {@code x > 0 ? x : x * slope}; the gradient at 0 is the slope. */
    static final class LeakyRelu extends ElementwiseUnary {
        private final double negativeSlope;

        LeakyRelu(double negativeSlope) {
            this.negativeSlope = negativeSlope;
        }

        double f(double x) { return x > 0 ? x : x * negativeSlope; }
        double backward(double g, double x, double y) { return x > 0 ? g : g * negativeSlope; }
    }

    /** x·sigmoid(x), computed as {@code x / (1 + exp(-x))}. */
    static final class Silu extends ElementwiseUnary {
        double f(double x) { return x / (1.0 + Math.exp(-x)); }
        @Override void forwardRange(double[] x, double[] y, int from, int to) { Kernels.ACTIVE.silu(x, y, from, to); }
        @Override void backwardRange(double[] g, double[] x, double[] y, double[] gx, int from, int to) {
            Kernels.ACTIVE.siluBackward(g, x, gx, from, to);
        }

        // silu_backward: dy * s * (1 + x * (1 - s)), s = sigmoid(x).
        double backward(double g, double x, double y) {
            double s = sigmoidOf(x);
            return g * s * (1 + x * (1 - s));
        }
    }

    /**
     * {@code log(1 + exp(beta·x)) / beta}, replaced by x itself where {@code beta·x > threshold}
     * (there the two agree to double precision and exp would overflow).
     */
    static final class Softplus extends ElementwiseUnary {
        private final double beta;
        private final double threshold;

        Softplus(double beta, double threshold) {
            this.beta = beta;
            this.threshold = threshold;
        }

        double f(double x) {
            return x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta;
        }

        @Override void forwardRange(double[] x, double[] y, int from, int to) {
            Kernels.ACTIVE.softplus(beta, threshold, x, y, from, to);
        }

        @Override void backwardRange(double[] g, double[] x, double[] y, double[] gx, int from, int to) {
            Kernels.ACTIVE.softplusBackward(beta, threshold, g, x, gx, from, to);
        }

        // softplus_backward: z = exp(beta·x); grad · z / (z + 1), or grad above the threshold.
        double backward(double g, double x, double y) {
            double z = Math.exp(x * beta);
            return x * beta > threshold ? g : g * z / (z + 1);
        }
    }

    /**
     * {@code x > 0 ? x : alpha·(exp(x) - 1)}. PyTorch's elu kernel has two more coefficients,
     * scale and input_scale, both 1 for {@code F.elu}; they are left out, which changes no bit
     * (multiplying by 1 is exact). Note PyTorch uses exp(x) - 1, not expm1.
     */
    static final class Elu extends ElementwiseUnary {
        private final double alpha;

        Elu(double alpha) {
            this.alpha = alpha;
        }

        double f(double x) { return x > 0 ? x : (Math.exp(x) - 1) * alpha; }
        @Override void forwardRange(double[] x, double[] y, int from, int to) {
            Kernels.ACTIVE.elu(alpha, x, y, from, to);
        }
        @Override void backwardRange(double[] g, double[] x, double[] y, double[] gx, int from, int to) {
            Kernels.ACTIVE.eluBackward(alpha, g, x, gx, from, to);
        }

        /*
         * elu_backward with is_result = false: grad · alpha · exp(x) unless x > 0, so elu'(0) =
         * alpha. The test is x > 0, as in PyTorch's vectorized kernel (blendv on b > 0), which
         * computes the first floor(n/8)·8 elements of a float64 tensor under the default and avx2
         * CPU dispatch and floor(n/16)·16 under avx512: a NaN input gets the negative branch,
         * alpha · exp(NaN) = NaN. PyTorch's scalar kernel, used for the remaining elements, tests
         * x <= 0 instead and gives NaN the gradient g. Which one a given element meets depends on
         * the CPU, so nano cannot follow both and follows the vector path.
         */
        double backward(double g, double x, double y) { return x > 0 ? g : g * alpha * Math.exp(x); }
    }

    static final class Erf extends ElementwiseUnary {
        /** erf'(0) = 2/sqrt(pi), computed as derivatives.yaml writes it: {@code 2.0 / sqrt(M_PI)}. */
        private static final double SLOPE_AT_ZERO = 2.0 / Math.sqrt(Math.PI);

        double f(double x) { return ErfMath.erf(x); }
        // 2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad.
        double backward(double g, double x, double y) { return SLOPE_AT_ZERO * Math.exp(-(x * x)) * g; }
    }

    // ---------------------------------------------------------------- GELU

    /** C's M_SQRT1_2, 1/sqrt(2). */
    private static final double SQRT1_2 = 0.70710678118654752440;
    /** C's M_2_SQRTPI, 2/sqrt(pi). */
    private static final double TWO_OVER_SQRT_PI = 1.12837916709551257390;
    /** C's M_SQRT2, sqrt(2). */
    private static final double SQRT2 = 1.41421356237309504880;

    /**
     * Exact GELU, {@code x·Φ(x) = x · 0.5 · (1 + erf(x / sqrt 2))}. The gradient is
     * {@code Φ(x) + x·φ(x)} with the standard normal density {@code φ(x) = exp(-x²/2)/sqrt(2 pi)},
     * as in GeluBackwardKernelImpl.
     */
    static final class Gelu extends ElementwiseUnary {
        private static final double ALPHA = SQRT1_2;
        /** 1/sqrt(2 pi), built from the C constants in the kernel's order. */
        private static final double BETA = TWO_OVER_SQRT_PI * SQRT1_2 * 0.5;

        double f(double x) { return x * 0.5 * (1 + ErfMath.erf(x * ALPHA)); }

        double backward(double g, double x, double y) {
            double cdf = 0.5 * (1 + ErfMath.erf(x * ALPHA));
            double pdf = BETA * Math.exp(x * x * -0.5);
            return g * (cdf + x * pdf);
        }
    }

    /**
     * The tanh approximation {@code 0.5·x·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x³)))}, and its exact
     * derivative, as in GeluKernelImpl / GeluBackwardKernelImpl.
     */
    static final class GeluTanh extends ElementwiseUnary {
        /** sqrt(2/pi), built from the C constants in the kernel's order. */
        private static final double BETA = SQRT2 * TWO_OVER_SQRT_PI * 0.5;
        private static final double KAPPA = 0.044715;

        double f(double x) {
            double xCube = x * x * x;
            double inner = BETA * (x + KAPPA * xCube);
            return 0.5 * x * (1 + Math.tanh(inner));
        }

        double backward(double g, double x, double y) {
            double xSq = x * x;
            double xCube = xSq * x;
            double inner = BETA * (x + KAPPA * xCube);
            double tanhInner = Math.tanh(inner);
            double left = 0.5 * x;
            double right = 1 + tanhInner;
            double leftDerivative = 0.5 * right;
            double tanhDerivative = 1 - tanhInner * tanhInner;
            double innerDerivative = BETA * (1 + 3 * KAPPA * xSq);
            double rightDerivative = left * tanhDerivative * innerDerivative;
            return g * (leftDerivative + rightDerivative);
        }

        @Override
        public String name() {
            return "GeluBackward0";
        }
    }
}
