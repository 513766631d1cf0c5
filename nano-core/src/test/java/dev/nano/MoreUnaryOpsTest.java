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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The unary ops of issue 24 ({@code tan atan asin acos sinh cosh asinh acosh atanh log2 log10 exp2
 * logit floor ceil round trunc frac nanToNum}): finite-difference gradchecks on every shape, then values
 * and gradients at the special points, derived by hand from the closed forms and from PyTorch's
 * kernels and tools/autograd/derivatives.yaml.
 */
class MoreUnaryOpsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    record Case(String name, Function<Tensor, Tensor> op, double lo, double hi) {
    }

    static final List<Case> CASES = List.of(
            new Case("tan", Nano::tan, -1.3, 1.3),
            new Case("atan", Nano::atan, -3, 3),
            new Case("asin", Nano::asin, -0.9, 0.9),
            new Case("acos", Nano::acos, -0.9, 0.9),
            new Case("sinh", Nano::sinh, -3, 3),
            new Case("cosh", Nano::cosh, -3, 3),
            new Case("asinh", Nano::asinh, -4, 4),
            new Case("acosh", Nano::acosh, 1.1, 4),
            new Case("atanh", Nano::atanh, -0.9, 0.9),
            new Case("log2", Nano::log2, 0.2, 5),
            new Case("log10", Nano::log10, 0.2, 5),
            new Case("exp2", Nano::exp2, -3, 3),
            new Case("logit", Nano::logit, 0.05, 0.95),
            new Case("logit(0.1)", x -> Nano.logit(x, 0.1), 0.15, 0.85),
            new Case("frac", Nano::frac, 0.1, 0.9),
            new Case("nanToNum", Nano::nanToNum, -3, 3));

    static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}};

    static Stream<Arguments> gradcheckCases() {
        return CASES.stream().flatMap(c -> Arrays.stream(SHAPES).map(shape ->
                Arguments.of(Named.of(c.name() + " " + Arrays.toString(shape), c), shape)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradcheckCases")
    void gradcheck(Case c, int[] shape) {
        Tensor x = GradCheck.uniform(Arrays.hashCode(shape) + c.name().hashCode(), c.lo(), c.hi(), shape);
        GradCheck.check(c.name(), in -> c.op().apply(in[0]), x);
    }

    private static void forward(Function<Tensor, Tensor> op, double[] in, double... expected) {
        Expect.values(op.apply(Nano.tensor(in)), new int[] {in.length}, expected);
    }

    private static void gradient(Function<Tensor, Tensor> op, double[] in, double... expected) {
        Tensor x = Nano.tensor(in).requiresGrad(true);
        op.apply(x).backward(Nano.ones(in.length));
        Expect.values(x.grad(), new int[] {in.length}, expected);
    }

    private static double[] at(double... values) {
        return values;
    }

    @Test
    void circularFunctionsAndTheirDomainEnds() {
        forward(Nano::tan, at(0, Math.PI / 4, NAN, INF), 0, 1, NAN, NAN);
        forward(Nano::atan, at(0, 1, INF, -INF), 0, Math.PI / 4, Math.PI / 2, -Math.PI / 2);
        forward(Nano::asin, at(1, -1, 0.5, 1.5), Math.PI / 2, -Math.PI / 2, Math.PI / 6, NAN);
        forward(Nano::acos, at(1, -1, 0.5, -1.5), 0, Math.PI, Math.PI / 3, NAN);
        // tan' = 1 + tan², atan' = 1 / (1 + x²): 0 at ±inf.
        gradient(Nano::tan, at(0, Math.PI / 4), 1, 2);
        gradient(Nano::atan, at(0, 1, INF), 1, 0.5, 0);
        // asin' = 1/√(1 − x²): +inf at ±1 and NaN beyond; acos' its negative.
        gradient(Nano::asin, at(1, -1, 0, 2), INF, INF, 1, NAN);
        gradient(Nano::acos, at(1, 0, 0.6), -INF, -1, -1.25);
    }

    @Test
    void hyperbolicFunctions() {
        forward(Nano::sinh, at(0, 1, 800, -800, -0.0), 0, (Math.E - 1 / Math.E) / 2, INF, -INF, -0.0);
        forward(Nano::cosh, at(0, 1, -800), 1, (Math.E + 1 / Math.E) / 2, INF);
        gradient(Nano::sinh, at(0), 1);
        gradient(Nano::cosh, at(0, 1), 0, (Math.E - 1 / Math.E) / 2);
    }

    /** asinh(x) = ln(x + √(x² + 1)) in each of fdlibm's ranges: tiny, [2^-28, 2], (2, 2^28), huge, inf, NaN. */
    @Test
    void asinhInEveryRange() {
        double big = 0x1p30;
        forward(Nano::asinh, at(1e-300, -0.0, 1, -2, 3, 1e10, -big, 1e300, INF, -INF, NAN),
                1e-300, -0.0, Math.log(1 + Math.sqrt(2)), -Math.log(2 + Math.sqrt(5)), Math.log(3 + Math.sqrt(10)),
                Math.log(2e10), -Math.log(2 * big), Math.log(1e300) + Math.log(2), INF, -INF, NAN);
        Tensor tiny = Nano.asinh(Nano.tensor(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(tiny.data()[0]), "asinh(-0.0)");
        gradient(Nano::asinh, at(0, 1), 1, 1 / Math.sqrt(2));
    }

    /** acosh(x) = ln(x + √(x² − 1)): NaN below 1 and at NaN, 0 at 1, each fdlibm range, inf. */
    @Test
    void acoshInEveryRange() {
        double big = 0x1p30;
        forward(Nano::acosh, at(0.5, NAN, 1, 1.5, 3, big, 1e300, INF, -INF),
                NAN, NAN, 0, Math.log(1.5 + Math.sqrt(1.25)), Math.log(3 + Math.sqrt(8)), Math.log(2 * big),
                Math.log(1e300) + Math.log(2), INF, NAN);
        // acosh' = 1/√(x² − 1): +inf at 1, NaN below.
        gradient(Nano::acosh, at(1, 2, 0.5), INF, 1 / Math.sqrt(3), NAN);
    }

    /** atanh(x) = ½ ln((1 + x)/(1 − x)): ±inf at ±1, NaN beyond, tiny values kept. */
    @Test
    void atanhInEveryRange() {
        forward(Nano::atanh, at(1, -1, 1.5, NAN, 1e-300, 0.25, -0.75, -0.0),
                INF, -INF, NAN, NAN, 1e-300, 0.5 * Math.log(1.25 / 0.75), -0.5 * Math.log(1.75 / 0.25), -0.0);
        gradient(Nano::atanh, at(0, 0.5, 1, -1), 1, 1 / 0.75, INF, INF);
    }

    /** log2 is exact at powers of two, subnormals included. */
    @Test
    void log2ExactAtPowersOfTwo() {
        forward(Nano::log2, at(8, 0.125, 1, Double.MIN_VALUE, 0x1p-1030, 0, -1, INF, NAN, 3),
                3, -3, 0, -1074, -1030, -INF, NAN, INF, NAN, Math.log(3) / Math.log(2));
        assertEquals(3.0, Nano.log2(Nano.tensor(8)).data()[0], 0.0);
        assertEquals(-1074.0, Nano.log2(Nano.tensor(Double.MIN_VALUE)).data()[0], 0.0);
        // grad / (x · ln 2): +inf at 0.
        gradient(Nano::log2, at(1, 0), 1 / Math.log(2), INF);
    }

    @Test
    void log10AndExp2() {
        forward(Nano::log10, at(1000, 0.01, 0, -1), 3, -2, -INF, NAN);
        gradient(Nano::log10, at(1), 1 / Math.log(10));
        forward(Nano::exp2, at(10, -1074, 1024, -INF, 0.5), 1024, Double.MIN_VALUE, INF, 0, Math.sqrt(2));
        gradient(Nano::exp2, at(0, 3), Math.log(2), 8 * Math.log(2));
    }

    /** Without eps NaN outside [0, 1] and ±inf at its ends; with eps the input is clamped and the gradient 0 outside. */
    @Test
    void logitWithAndWithoutEps() {
        forward(Nano::logit, at(0.5, 0, 1, 1.5, -0.5, 0.75), 0, -INF, INF, NAN, NAN, Math.log(3));
        gradient(Nano::logit, at(0.5, 0, 1, 1.5, -0.5), 4, INF, INF, NAN, NAN);
        forward(x -> Nano.logit(x, 0.25), at(0, 0.1, 0.5, 0.9, 1, NAN), Math.log(1 / 3.0), Math.log(1 / 3.0), 0,
                Math.log(3), Math.log(3), NAN);
        gradient(x -> Nano.logit(x, 0.25), at(0.1, 0.25, 0.5, 0.9, NAN), 0, 1 / 0.1875, 4, 0, 0);
        forward(x -> Nano.logit(x, 0), at(1, 0), INF, -INF);
        // A negative eps clamps the forward but counts as none in the backward (NaN outside [0, 1]).
        gradient(x -> Nano.logit(x, -1e-10), at(-1, 0.5), NAN, 4);
    }

    @Test
    void roundingFunctions() {
        double[] in = at(2.5, -2.5, 0.5, -0.3, 1.7, -1.7, INF, NAN, -0.0);
        forward(Nano::floor, in, 2, -3, 0, -1, 1, -2, INF, NAN, -0.0);
        forward(Nano::ceil, in, 3, -2, 1, -0.0, 2, -1, INF, NAN, -0.0);
        forward(Nano::round, in, 2, -2, 0, -0.0, 2, -2, INF, NAN, -0.0);
        forward(Nano::trunc, in, 2, -2, 0, -0.0, 1, -1, INF, NAN, -0.0);
        forward(Nano::frac, at(2.5, -2.25, INF, 3), 0.5, -0.25, NAN, 0);
        // Flat: zeros_like(grad), even where the upstream gradient is NaN.
        Tensor x = Nano.tensor(1.5, -0.5).requiresGrad(true);
        Nano.floor(x).backward(Nano.tensor(NAN, INF));
        Expect.values(x.grad(), new int[] {2}, 0, 0);
        gradient(Nano::frac, at(2.5, -1), 1, 1);
    }

    /** nearbyint(x·10^d)/10^d for d ≥ 0, nearbyint(x/10^−d)·10^−d for d &lt; 0; halves go to even. */
    @Test
    void roundToDecimals() {
        forward(x -> Nano.round(x, 2), at(0.125, 1.2345, -0.375, 1e307), 0.12, 1.23, -0.38, INF);
        forward(x -> Nano.round(x, -1), at(25, 35, -14, 1e300), 20, 40, -10, 1e300);
        forward(x -> Nano.round(x, 0), at(2.5, 3.5), 2, 4);
        Tensor x = Nano.tensor(0.125).requiresGrad(true);
        Tensor r = Nano.round(x, 1);
        assertEquals("RoundBackward1", r.gradFn().name());
        r.backward(Nano.ones(1));
        Expect.values(x.grad(), new int[] {1}, 0);
    }

    @Test
    void fracRejectsIntegersWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.frac(Nano.longTensor(new long[] {1, 2}, 2)));
        assertEquals("\"frac_cpu\" not implemented for 'Long'", e.getMessage());
    }

    @Test
    void nanToNumDefaultsAndReplacements() {
        double max = Double.MAX_VALUE;
        forward(Nano::nanToNum, at(NAN, INF, -INF, 2), 0, max, -max, 2);
        forward(x -> Nano.nanToNum(x, 1.5, 100.0, -100.0), at(NAN, INF, -INF, 2), 1.5, 100, -100, 2);
        forward(x -> Nano.nanToNum(x, null, null, 7.0), at(NAN, INF, -INF), 0, max, 7);
        // grad · isfinite(x).
        gradient(Nano::nanToNum, at(NAN, INF, -INF, 2), 0, 0, 0, 1);
    }
}
