package dev.nano;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elementwise math and activations: finite-difference gradchecks on every op and shape, then
 * forward values and gradients at the special points (0, ±inf, NaN, kinks) derived by hand from
 * PyTorch's kernels and tools/autograd/derivatives.yaml.
 */
class UnaryOpsTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    // ---------------------------------------------------------------- gradcheck

    /** Draws a test input of a given shape. */
    @FunctionalInterface
    interface Sampler {
        Tensor sample(long seed, int[] shape);
    }

    /** An op under test, with the input domain where it is smooth. */
    record UnaryCase(String name, Function<Tensor, Tensor> op, Sampler inputs) {
    }

    static Sampler uniform(double lo, double hi) {
        return (seed, shape) -> GradCheck.uniform(seed, lo, hi, shape);
    }

    /** Uniform on [lo, hi) but never within {@code gap} of {@code kink} (pushed out to the gap). */
    static Sampler avoiding(double kink, double lo, double hi) {
        double gap = 0.05;
        return (seed, shape) -> {
            Tensor t = GradCheck.uniform(seed, lo, hi, shape);
            double[] d = t.data();
            for (int i = 0; i < d.length; i++) {
                if (Math.abs(d[i] - kink) < gap) {
                    d[i] = kink + (d[i] >= kink ? gap : -gap);
                }
            }
            return t;
        };
    }

    static final List<UnaryCase> CASES = List.of(
            new UnaryCase("exp", Nano::exp, uniform(-2, 2)),
            new UnaryCase("log", Nano::log, uniform(0.2, 3)),
            new UnaryCase("log1p", Nano::log1p, uniform(-0.5, 3)),
            new UnaryCase("expm1", Nano::expm1, uniform(-2, 2)),
            new UnaryCase("sqrt", Nano::sqrt, uniform(0.2, 3)),
            new UnaryCase("rsqrt", Nano::rsqrt, uniform(0.2, 3)),
            new UnaryCase("abs", Nano::abs, avoiding(0, -2, 2)),
            new UnaryCase("sign", Nano::sign, avoiding(0, -2, 2)),
            new UnaryCase("reciprocal", Nano::reciprocal, avoiding(0, -2, 2)),
            new UnaryCase("square", Nano::square, uniform(-2, 2)),
            new UnaryCase("sin", Nano::sin, uniform(-4, 4)),
            new UnaryCase("cos", Nano::cos, uniform(-4, 4)),
            new UnaryCase("tanh", Nano::tanh, uniform(-3, 3)),
            new UnaryCase("sigmoid", Nano::sigmoid, uniform(-5, 5)),
            new UnaryCase("relu", Nano::relu, avoiding(0, -2, 2)),
            new UnaryCase("leakyRelu", Nano::leakyRelu, avoiding(0, -2, 2)),
            new UnaryCase("leakyRelu(0.2)", x -> Nano.leakyRelu(x, 0.2), avoiding(0, -2, 2)),
            new UnaryCase("gelu", Nano::gelu, uniform(-4, 4)),
            new UnaryCase("gelu(tanh)", x -> Nano.gelu(x, "tanh"), uniform(-4, 4)),
            new UnaryCase("silu", Nano::silu, uniform(-5, 5)),
            new UnaryCase("softplus", Nano::softplus, uniform(-5, 5)),
            // beta 2, threshold 1: the switch to the identity happens at x = 0.5 (a jump there).
            new UnaryCase("softplus(2, 1)", x -> Nano.softplus(x, 2, 1), avoiding(0.5, -2, 2)),
            new UnaryCase("elu", Nano::elu, avoiding(0, -2, 2)),
            new UnaryCase("elu(0.5)", x -> Nano.elu(x, 0.5), avoiding(0, -2, 2)),
            new UnaryCase("erf", Nano::erf, uniform(-3, 3)));

    static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}};

    static Stream<Arguments> gradcheckCases() {
        return CASES.stream().flatMap(c -> Arrays.stream(SHAPES).map(shape ->
                Arguments.of(Named.of(c.name() + " " + Arrays.toString(shape), c), shape)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradcheckCases")
    void gradcheck(UnaryCase c, int[] shape) {
        Tensor x = c.inputs().sample(Arrays.hashCode(shape) + c.name().hashCode(), shape);
        GradCheck.check(c.name(), in -> c.op().apply(in[0]), x);
    }

    // ---------------------------------------------------------------- helpers

    /** Forward values of {@code op} on a 1-D input. */
    private static void forward(Function<Tensor, Tensor> op, double[] in, double... expected) {
        Expect.values(op.apply(Nano.tensor(in)), new int[] {in.length}, expected);
    }

    /** d(sum of op(x))/dx on a 1-D input: the local derivative times an upstream gradient of 1. */
    private static void gradient(Function<Tensor, Tensor> op, double[] in, double... expected) {
        Tensor x = Nano.tensor(in).requiresGrad(true);
        op.apply(x).backward(Nano.ones(in.length));
        Expect.values(x.grad(), new int[] {in.length}, expected);
    }

    private static double[] at(double... values) {
        return values;
    }

    // ---------------------------------------------------------------- forward special values

    @Test
    void logAtZeroNegativeAndInfinity() {
        forward(Nano::log, at(0, -0.0, -1, INF, 1), -INF, -INF, NAN, INF, 0);
    }

    @Test
    void log1pAndExpm1AtTheirEdges() {
        forward(Nano::log1p, at(-1, -2, 0, INF), -INF, NAN, 0, INF);
        forward(Nano::expm1, at(-INF, 0, INF), -1, 0, INF);
    }

    @Test
    void expOverflowsToInfinityAndUnderflowsToZero() {
        forward(Nano::exp, at(INF, -INF, 0, 1000, NAN), INF, 0, 1, INF, NAN);
    }

    @Test
    void sqrtAndRsqrtOfZeroAndNegatives() {
        forward(Nano::sqrt, at(0, 4, -1, INF), 0, 2, NAN, INF);
        forward(Nano::rsqrt, at(0, 4, -1, INF), INF, 0.5, NAN, 0);
    }

    @Test
    void reciprocalAndSquare() {
        forward(Nano::reciprocal, at(0, -0.0, 4, INF), INF, -INF, 0.25, 0);
        forward(Nano::square, at(-3, 0, INF, NAN), 9, 0, INF, NAN);
    }

    /** PyTorch's sign is (0 < x) - (x < 0): 0 for both zeros and for NaN (not NaN, unlike NumPy). */
    @Test
    void signOfZerosAndNaNIsZero() {
        Tensor s = Nano.sign(Nano.tensor(-2, -0.0, 0, 3, NAN, -INF));
        Expect.values(s, new int[] {6}, -1, 0, 0, 1, 0, -1);
        assertEquals(0, Double.compare(s.data()[1], 0.0), "sign(-0.0) is +0.0");
    }

    @Test
    void absOfNegativeZeroAndInfinity() {
        Tensor a = Nano.abs(Nano.tensor(-0.0, -INF, -2.5, NAN));
        Expect.values(a, new int[] {4}, 0, INF, 2.5, NAN);
        assertEquals(0, Double.compare(a.data()[0], 0.0), "abs(-0.0) is +0.0");
    }

    @Test
    void trigAndTanhValues() {
        forward(Nano::sin, at(0, Math.PI / 2), 0, 1);
        forward(Nano::cos, at(0, Math.PI), 1, -1);
        forward(Nano::tanh, at(0, INF, -INF), 0, 1, -1);
    }

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        forward(Nano::sigmoid, at(0, 2, INF, -INF, -1000), 0.5, 0.8807970779778824, 1, 0, 0);
    }

    /** relu is clamp_min(x, 0): NaN propagates, negatives become 0. */
    @Test
    void reluKeepsNaN() {
        forward(Nano::relu, at(-1, 0, 2, NAN, -INF), 0, 0, 2, NAN, 0);
    }

    @Test
    void leakyReluScalesNegatives() {
        forward(Nano::leakyRelu, at(-2, 0, 3), -0.02, 0, 3);
        forward(x -> Nano.leakyRelu(x, 0.1), at(-2, 3, NAN), -0.2, 3, NAN);
    }

    @Test
    void geluExactAndTanh() {
        // x·Φ(x): Φ(1) = 0.8413447460685429, -2·Φ(-2) = -0.04550026389635841.
        forward(Nano::gelu, at(0, 1, -2, INF, -INF), 0, 0.8413447460685429, -0.04550026389635841, INF, NAN);
        // 0.5·x·(1 + tanh(sqrt(2/pi)·(x + 0.044715 x³))).
        forward(x -> Nano.gelu(x, "tanh"), at(0, 1, -2), 0, 0.8411919906082767, -0.04540230591222498);
    }

    @Test
    void siluValues() {
        forward(Nano::silu, at(0, 1, -INF, INF), 0, 0.7310585786300049, NAN, INF);
    }

    /** silu(-inf) = -inf / (1 + inf) = NaN in PyTorch's formula x / (1 + exp(-x)). */
    @Test
    void siluOfMinusInfinityIsNaNAsInTheKernel() {
        assertTrue(Double.isNaN(Nano.silu(Nano.tensor(-INF)).item()));
    }

    @Test
    void softplusSwitchesToIdentityAboveThreshold() {
        // log(1 + e^x) below the threshold 20; x itself above it (beta·x > threshold).
        forward(Nano::softplus, at(0, 1, 25, -INF), 0.6931471805599453, 1.3132616875182228, 25, 0);
        // beta 2, threshold 1: 0.25·2 = 0.5 <= 1 gives log(1 + e^0.5)/2; 0.75·2 > 1 gives 0.75.
        forward(x -> Nano.softplus(x, 2, 1), at(0.25, 0.75), 0.48703849209005334, 0.75);
    }

    @Test
    void eluValues() {
        forward(Nano::elu, at(-1, 0, 2, -INF), -0.6321205588285577, 0, 2, -1);
        forward(x -> Nano.elu(x, 0.5), at(-INF, 3), -0.5, 3);
    }

    // ---------------------------------------------------------------- gradients at special points

    @Test
    void reluGradientAtZeroIsZero() {
        gradient(Nano::relu, at(-1, 0, -0.0, 2), 0, 0, 0, 1);
    }

    @Test
    void reluGradientPassesThroughNaN() {
        // threshold_backward(grad, result, 0) zeroes grad where result <= 0, which is false for NaN.
        gradient(Nano::relu, at(NAN), 1);
    }

    @Test
    void absGradientAtBothZerosIsZero() {
        gradient(Nano::abs, at(0, -0.0, -3, 3), 0, 0, -1, 1);
    }

    @Test
    void leakyReluGradientAtZeroIsTheSlope() {
        gradient(x -> Nano.leakyRelu(x, 0.1), at(0, -1, 1), 0.1, 0.1, 1);
    }

    @Test
    void sqrtGradientAtZeroIsInfinityAndNaNForNegatives() {
        gradient(Nano::sqrt, at(0, -1, 4), INF, NAN, 0.25);
    }

    @Test
    void rsqrtGradientAtZeroIsMinusInfinity() {
        // -0.5 · g · y³ with y = 1/sqrt(4) = 0.5: -0.0625.
        gradient(Nano::rsqrt, at(0, 4), -INF, -0.0625);
    }

    @Test
    void logAndReciprocalGradientsAtZero() {
        gradient(Nano::log, at(0, 2, -1), INF, 0.5, -1);
        gradient(Nano::reciprocal, at(0, 2), -INF, -0.25);
        gradient(Nano::log1p, at(-1, 0), INF, 1);
    }

    @Test
    void signGradientIsZeroEverywhere() {
        gradient(Nano::sign, at(0, -0.0, 2, -3, NAN, INF), 0, 0, 0, 0, 0, 0);
    }

    @Test
    void smoothActivationsAtZero() {
        gradient(Nano::sigmoid, at(0), 0.25);
        gradient(Nano::tanh, at(0), 1);
        gradient(Nano::gelu, at(0), 0.5);
        gradient(x -> Nano.gelu(x, "tanh"), at(0), 0.5);
        gradient(Nano::softplus, at(0), 0.5);
        gradient(Nano::elu, at(0), 1);
        gradient(Nano::silu, at(0), 0.5);
    }

    /** At NaN elu's gradient takes the negative branch, alpha·exp(NaN) = NaN, as PyTorch's vector kernel. */
    @Test
    void eluGradientAtNaNIsNaN() {
        gradient(Nano::elu, at(NAN, -INF, INF), NAN, 0, 1);
    }

    /** elu's gradient uses the x <= 0 branch at 0: alpha·exp(0) = alpha. */
    @Test
    void eluGradientAtZeroIsAlpha() {
        gradient(x -> Nano.elu(x, 0.5), at(0, -1, 1), 0.5, 0.5 * Math.exp(-1), 1);
    }

    @Test
    void elementaryGradientsAtZero() {
        gradient(Nano::exp, at(0), 1);
        gradient(Nano::expm1, at(0), 1);
        gradient(Nano::square, at(0, -3), 0, -6);
        gradient(Nano::sin, at(0), 1);
        gradient(Nano::cos, at(0, Math.PI / 2), 0, -1);
        gradient(Nano::erf, at(0), 1.1283791670955126);
    }

    @Test
    void activationGradientsAtOne() {
        // Φ(1) + φ(1); the tanh form differentiated exactly; s·(1 + x(1 - s)), s = sigmoid(1).
        gradient(Nano::gelu, at(1), 1.0833154705876863);
        gradient(x -> Nano.gelu(x, "tanh"), at(1), 1.0829640838457826);
        gradient(Nano::silu, at(1), 0.9276705118714867);
        gradient(Nano::erf, at(1), 0.4151074974205947);
        // softplus(beta 2): e^(2x)/(1 + e^(2x)) below the threshold, 1 above it.
        gradient(x -> Nano.softplus(x, 2, 1), at(0.25, 0.75), 0.6224593312018546, 1);
    }

    @Test
    void gradientsVanishInSaturatedTails() {
        gradient(Nano::sigmoid, at(-INF, INF), 0, 0);
        gradient(Nano::tanh, at(-INF, INF), 0, 0);
        gradient(Nano::erf, at(-30, 30), 0, 0);
        gradient(Nano::softplus, at(-INF, 30), 0, 1);
    }

    // ---------------------------------------------------------------- erf accuracy

    /** erf to within 1e-15 relative of the correctly rounded values (known to 16+ digits). */
    @Test
    void erfMatchesKnownValuesToOneUlp() {
        double[] x = {0, 0.5, 1, 2, -1.5, 1e-10, 3};
        double[] expected = {0, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527,
            -0.9661051464753108, 1.1283791670955126e-10, 0.9999779095030014};
        double[] actual = Nano.erf(Nano.tensor(x)).data();
        for (int i = 0; i < x.length; i++) {
            double tolerance = 1e-15 * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tolerance, "erf(" + x[i] + ")");
        }
    }

    @Test
    void erfTailsAndSpecialValues() {
        Tensor e = Nano.erf(Nano.tensor(6, -6, INF, -INF, NAN, -0.0, 5.9));
        Expect.values(e, new int[] {7}, 1, -1, 1, -1, NAN, 0, 1);
        assertEquals(0, Double.compare(e.data()[5], -0.0), "erf(-0.0) is -0.0");
        assertFalse(e.data()[6] > 1, "erf never exceeds 1");
    }

    @Test
    void erfIsOdd() {
        double[] x = {0.3, 0.9, 1.1, 2.2, 3.7, 5.5};
        double[] pos = Nano.erf(Nano.tensor(x)).data();
        double[] neg = Nano.erf(Nano.neg(Nano.tensor(x))).data();
        for (int i = 0; i < x.length; i++) {
            assertEquals(-pos[i], neg[i], 0.0, "erf(-x) = -erf(x) at " + x[i]);
        }
    }

    // ---------------------------------------------------------------- errors

    @Test
    void geluRejectsUnknownApproximation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.gelu(Nano.tensor(1), "sigmoid"));
        assertEquals("approximate argument must be either none or tanh.", e.getMessage());
    }

    @Test
    void reluRejectsBoolInput() {
        Tensor mask = Nano.gt(Nano.tensor(1, -1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nano.relu(mask));
        assertEquals("Boolean inputs not supported for relu", e.getMessage());
    }

    /** PyTorch's leaky_relu, gelu, softplus and elu kernels exist for floating types only. */
    static Stream<Arguments> floatingOnly() {
        return Stream.of(
                Arguments.of("leakyRelu", (Function<Tensor, Tensor>) Nano::leakyRelu, "leaky_relu_cpu"),
                Arguments.of("gelu", (Function<Tensor, Tensor>) Nano::gelu, "GeluKernelImpl"),
                Arguments.of("gelu(tanh)", (Function<Tensor, Tensor>) x -> Nano.gelu(x, "tanh"), "GeluKernelImpl"),
                Arguments.of("softplus", (Function<Tensor, Tensor>) Nano::softplus, "softplus_cpu"),
                Arguments.of("elu", (Function<Tensor, Tensor>) Nano::elu, "elu_cpu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatingOnly")
    void floatingOnlyOpsRejectBoolAndInt64(String op, Function<Tensor, Tensor> f, String kernel) {
        Tensor mask = Nano.gt(Nano.tensor(1, -1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply(mask));
        assertEquals("\"" + kernel + "\" not implemented for 'Bool'", e.getMessage());
        Tensor ints = new Tensor(new double[] {1, -2}, new int[] {2}, DType.INT64);
        e = assertThrows(IllegalArgumentException.class, () -> f.apply(ints));
        assertEquals("\"" + kernel + "\" not implemented for 'Long'", e.getMessage());
    }

    @Test
    void geluChecksTheApproximationBeforeTheDtype() {
        Tensor mask = Nano.gt(Nano.tensor(1, -1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nano.gelu(mask, "bogus"));
        assertEquals("approximate argument must be either none or tanh.", e.getMessage());
    }

    // ---------------------------------------------------------------- graph and dtypes

    static Stream<Arguments> nodeNames() {
        return Stream.of(
                Arguments.of("exp", (Function<Tensor, Tensor>) Nano::exp, "ExpBackward0"),
                Arguments.of("log1p", (Function<Tensor, Tensor>) Nano::log1p, "Log1PBackward0"),
                Arguments.of("expm1", (Function<Tensor, Tensor>) Nano::expm1, "Expm1Backward0"),
                Arguments.of("square", (Function<Tensor, Tensor>) Nano::square, "PowBackward0"),
                Arguments.of("rsqrt", (Function<Tensor, Tensor>) Nano::rsqrt, "RsqrtBackward0"),
                Arguments.of("sigmoid", (Function<Tensor, Tensor>) Nano::sigmoid, "SigmoidBackward0"),
                Arguments.of("relu", (Function<Tensor, Tensor>) Nano::relu, "ReluBackward0"),
                Arguments.of("leakyRelu", (Function<Tensor, Tensor>) Nano::leakyRelu, "LeakyReluBackward0"),
                Arguments.of("gelu", (Function<Tensor, Tensor>) Nano::gelu, "GeluBackward0"),
                Arguments.of("gelu(tanh)", (Function<Tensor, Tensor>) x -> Nano.gelu(x, "tanh"), "GeluBackward0"),
                Arguments.of("softplus", (Function<Tensor, Tensor>) Nano::softplus, "SoftplusBackward0"),
                Arguments.of("elu", (Function<Tensor, Tensor>) Nano::elu, "EluBackward0"),
                Arguments.of("erf", (Function<Tensor, Tensor>) Nano::erf, "ErfBackward0"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("nodeNames")
    void nodeNamesFollowPyTorch(String op, Function<Tensor, Tensor> f, String expected) {
        Tensor y = f.apply(Nano.tensor(0.5).requiresGrad(true));
        assertEquals(expected, y.gradFn().name());
    }

    @Test
    void boolAndInt64InputsAreRefusedUntilConverted() {
        // PyTorch gives its default float32 here; nano computes in float64 only and says so.
        Tensor mask = Nano.gt(Nano.tensor(1, -1), 0.0);
        var error = assertThrows(IllegalArgumentException.class, () -> Nano.exp(mask));
        assertTrue(error.getMessage().startsWith("exp: got only torch.bool inputs"), error.getMessage());
        Tensor e = Nano.exp(mask.toFloat64());
        assertEquals(DType.FLOAT64, e.dtype());
        Expect.values(e, new int[] {2}, Math.E, 1);
        Tensor ints = new Tensor(new double[] {4, 9}, new int[] {2}, DType.INT64);
        assertThrows(IllegalArgumentException.class, () -> Nano.sqrt(ints));
        Expect.values(Nano.sqrt(ints.toFloat64()), new int[] {2}, 2, 3);
    }

    @Test
    void emptyAndScalarTensors() {
        Tensor empty = Nano.tanh(Nano.zeros(2, 0));
        Expect.values(empty, new int[] {2, 0});
        Tensor x = Nano.scalar(2.0).requiresGrad(true);
        Tensor y = Nano.softplus(x);
        y.backward();
        Expect.values(x.grad(), new int[] {}, Math.exp(2) / (Math.exp(2) + 1));
    }

    @Test
    void noGraphWithoutGrad() {
        Tensor y = Nano.gelu(Nano.tensor(1, 2));
        assertNull(y.gradFn());
        assertFalse(y.requiresGrad());
    }
}
