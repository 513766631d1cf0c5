package dev.nano;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** add sub mul div pow neg: gradchecks over broadcast pairs and scalar forms, and PyTorch's edge values. */
class ArithmeticTest {

    /** The broadcast pairs every binary op is checked on, in both directions. */
    static final int[][][] BROADCAST_PAIRS = {
        {{3, 4}, {3, 4}},
        {{3, 1}, {1, 4}},
        {{2, 3, 4}, {4}},
        {{4}, {2, 3, 4}},
        {{5, 1, 4, 1}, {3, 1, 1}},
        {{}, {3, 4}},
        {{3, 4}, {}},
        {{1}, {3, 1}},
        {{}, {}},
    };

    static Stream<Arguments> binaryOps() {
        List<Arguments> cases = new ArrayList<>();
        record Op(String name, BinaryOperator<Tensor> fn, double lo, double hi) { }
        List<Op> ops = List.of(
                new Op("add", Tensor::add, -2, 2),
                new Op("sub", Tensor::sub, -2, 2),
                new Op("mul", Tensor::mul, -2, 2),
                new Op("div", Tensor::div, 0.5, 2),
                new Op("pow", Tensor::pow, 0.5, 2));
        for (Op op : ops) {
            for (int[][] pair : BROADCAST_PAIRS) {
                String label = op.name + "[" + Shape.toString(pair[0]) + " with " + Shape.toString(pair[1]) + "]";
                cases.add(Arguments.of(Named.of(label, op.fn), op.lo, op.hi, pair[0], pair[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void gradcheckBroadcastPairs(BinaryOperator<Tensor> op, double lo, double hi, int[] shapeA, int[] shapeB) {
        Tensor a = GradCheck.uniform(1, lo, hi, shapeA);
        Tensor b = GradCheck.uniform(2, lo, hi, shapeB);
        GradCheck.check("binary", in -> op.apply(in[0], in[1]), a, b);
    }

    @Test
    void gradcheckScalarAndRightHandForms() {
        Tensor x = GradCheck.uniform(3, 0.5, 2, 3, 4);
        GradCheck.check("add(t, 2.5)", in -> in[0].add(2.5), x);
        GradCheck.check("sub(t, 2.5)", in -> in[0].sub(2.5), x);
        GradCheck.check("rsub(t, 2.5)", in -> in[0].rsub(2.5), x);
        GradCheck.check("mul(t, -1.5)", in -> in[0].mul(-1.5), x);
        GradCheck.check("div(t, 3)", in -> in[0].div(3), x);
        GradCheck.check("rdiv(t, 3)", in -> in[0].rdiv(3), x);
        GradCheck.check("pow(t, 2.5)", in -> in[0].pow(2.5), x);
        GradCheck.check("pow(t, -1)", in -> in[0].pow(-1), x);
        GradCheck.check("rpow(t, 1.7)", in -> in[0].rpow(1.7), x);
        GradCheck.check("neg", in -> in[0].neg(), x);
        GradCheck.check("Nano.sub(2, t)", in -> Nano.sub(2.0, in[0]), x);
        GradCheck.check("Nano.div(2, t)", in -> Nano.div(2.0, in[0]), x);
        GradCheck.check("Nano.pow(2, t)", in -> Nano.pow(2.0, in[0]), x);
        GradCheck.check("Nano.add(2, t)", in -> Nano.add(2.0, in[0]), x);
        GradCheck.check("Nano.mul(2, t)", in -> Nano.mul(2.0, in[0]), x);
    }

    @Test
    void rightHandFormsComputeScalarOnTheLeft() {
        Tensor x = Nano.tensor(1, 2, 4);
        Expect.values(x.rsub(2), new int[] {3}, 1, 0, -2);
        Expect.values(x.rdiv(2), new int[] {3}, 2, 1, 0.5);
        Expect.values(x.rpow(2), new int[] {3}, 2, 4, 16);
        Expect.values(Nano.sub(2.0, x), new int[] {3}, 1, 0, -2);
    }

    @Test
    void scalarFormsOfA0dTensorStay0d() {
        Expect.values(Nano.scalar(3).add(1), new int[0], 4);
    }

    // ------------------------------------------------------------ edge gradients (tools/autograd/derivatives.yaml)

    @Test
    void powWithANumberExponentIsPyTorchsPowBackward0() {
        // torch.pow(x, 2.5).grad_fn is PowBackward0 (pow.Tensor_Scalar in derivatives.yaml).
        assertEquals("PowBackward0", Nano.tensor(0.5).requiresGrad(true).pow(2.5).gradFn().name());
    }

    @Test
    void powWithZeroExponentHasZeroGradientEvenAtZero() {
        Tensor x = Nano.tensor(0, 2, -3).requiresGrad(true);
        Tensor y = x.pow(0);
        Expect.values(y, new int[] {3}, 1, 1, 1); // 0**0 = 1
        y.backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void powAtZeroBase() {
        // x**2 at 0 -> 0; x**1 at 0 -> 1; x**0.5 at 0 -> +inf; x**-1 and x**-2 at 0 -> -inf.
        double[] exponents = {2, 1, 0.5, -1, -2};
        double[] expected = {0, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < exponents.length; i++) {
            Tensor x = Nano.scalar(0).requiresGrad(true);
            x.pow(exponents[i]).backward();
            Expect.values(x.grad(), new int[0], expected[i]);
        }
    }

    @Test
    void powOfNegativeBaseToHalfHasNaNGradient() {
        Tensor x = Nano.scalar(-4).requiresGrad(true);
        Tensor y = x.pow(0.5);
        Expect.values(y, new int[0], Double.NaN);
        y.backward();
        Expect.values(x.grad(), new int[0], Double.NaN);
    }

    @Test
    void powTensorExponentGradients() {
        // d/db of b**e is 0 where e == 0; d/de is 0 where b == 0 and e >= 0; b=0, e=-1 gives -inf for both.
        Tensor b = Nano.tensor(0, 0, 0, 2).requiresGrad(true);
        Tensor e = Nano.tensor(0, 2, -1, 3).requiresGrad(true);
        Tensor y = b.pow(e);
        Expect.values(y, new int[] {4}, 1, 0, Double.POSITIVE_INFINITY, 8);
        y.backward(Nano.ones(4));
        Expect.values(b.grad(), new int[] {4}, 0, 0, Double.NEGATIVE_INFINITY, 12);
        Expect.values(e.grad(), new int[] {4}, 0, 0, Double.NEGATIVE_INFINITY, 8 * Math.log(2));
    }

    @Test
    void scalarBasePowGradient() {
        // c ** t: c^t·ln c; c = 0 with t >= 0 -> 0.
        Tensor t = Nano.tensor(0, 1.5).requiresGrad(true);
        Nano.pow(0.0, t).backward(Nano.ones(2));
        Expect.values(t.grad(), new int[] {2}, 0, 0);
        Tensor u = Nano.tensor(3).requiresGrad(true);
        Nano.pow(2.0, u).backward(Nano.ones(1));
        Expect.values(u.grad(), new int[] {1}, 8 * Math.log(2));
    }

    @Test
    void powFollowsCNotJavaOnItsSpecialCases() {
        // C's pow(1, NaN) = 1 and pow(-1, ±inf) = 1; Java's Math.pow gives NaN.
        Tensor base = Nano.tensor(1, -1, -1, 1);
        Tensor exponent = Nano.tensor(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        Expect.values(base.pow(exponent), new int[] {4}, 1, 1, 1, 1);
        Expect.values(Nano.tensor(Double.NaN).pow(0), new int[] {1}, 1);
    }

    @Test
    void reciprocalViaDivisionAtZero() {
        Tensor x = Nano.tensor(0.0, -0.0).requiresGrad(true);
        Tensor y = Nano.div(1.0, x);
        Expect.values(y, new int[] {2}, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        y.backward(Nano.ones(2));
        // PyTorch: -grad * ((1 / x) / x) = -(inf / 0) = -inf, and -((-inf) / -0) = -inf.
        Expect.values(x.grad(), new int[] {2}, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void divisionGradientDoesNotOverflowForHugeOperands() {
        // (a/b)/b = 1e-200 here; the textbook a/(b*b) would give 1e200/inf = 0.
        Tensor a = Nano.tensor(1e200);
        Tensor b = Nano.tensor(1e200).requiresGrad(true);
        a.div(b).backward(Nano.ones(1));
        Expect.values(b.grad(), new int[] {1}, -1e-200);
    }

    @Test
    void nanAndInfPropagate() {
        Tensor x = Nano.tensor(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        Expect.values(x.add(1), new int[] {3}, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        Expect.values(x.mul(0), new int[] {3}, Double.NaN, Double.NaN, Double.NaN);
        Expect.values(x.sub(x), new int[] {3}, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void broadcastMismatchUsesPyTorchsMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(2, 3).add(Nano.zeros(2, 4)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(3).mul(Nano.zeros(4, 1, 2)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2",
                e2.getMessage());
    }

    @Test
    void emptyTensorsBroadcastWithOneAndZero() {
        Expect.values(Nano.zeros(2, 0, 3).add(Nano.ones(1, 3)), new int[] {2, 0, 3});
        Expect.values(Nano.zeros(0).mul(Nano.scalar(2)), new int[] {0});
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(0).add(Nano.zeros(2)));
        assertEquals("The size of tensor a (0) must match the size of tensor b (2) at non-singleton dimension 0",
                e.getMessage());
    }

    @Test
    void resultsAreFloat64EvenFromBoolInputs() {
        Tensor mask = Nano.tensor(1, 5).gt(2);
        Tensor y = mask.mul(Nano.tensor(3, 4));
        assertEquals(DType.FLOAT64, y.dtype());
        Expect.values(y, new int[] {2}, 0, 4);
    }

    /**
     * The dtype rule counts a number operand as a float64 input: {@code ints.pow(2.0)} is accepted
     * like {@code ints.mul(2.0)} and {@code Nano.pow(2.0, ints)} (issue 25: it was refused as "got only
     * torch.int64 inputs"). Expected values are exact powers of small integers; PyTorch gives the same
     * numbers (in its default float32).
     */
    @Test
    void anIntegerTensorToANumberPowerIsFloat64() {
        Tensor ints = Nano.longTensor(new long[] {2, 3}, 2);
        Expect.values(ints.pow(2.0), new int[] {2}, 4, 9);
        Expect.values(ints.pow(-1.0), new int[] {2}, 0.5, 1.0 / 3);
        Expect.values(ints.pow(0.5), new int[] {2}, Math.sqrt(2), Math.sqrt(3));
        Expect.values(Nano.boolTensor(new boolean[] {true, false}, 2).pow(3.0), new int[] {2}, 1, 0);
        assertEquals(DType.FLOAT64, ints.pow(2.0).dtype());
        Expect.values(ints.mul(2.0), new int[] {2}, 4, 6);
        Expect.values(Nano.pow(2.0, ints), new int[] {2}, 4, 8);
        // Both operands tensors and none float64: still refused.
        var e = assertThrows(IllegalArgumentException.class, () -> ints.pow(ints));
        assertEquals(true, e.getMessage().startsWith("pow: got only torch.int64 inputs"), e.getMessage());
    }

    /** {@code add/sub(t, alpha)}: finite differences through both operands, broadcasting (issue 25). */
    @Test
    void addAndSubWithAlphaAgreeWithFiniteDifferences() {
        Tensor a = GradCheck.uniform(11, 0.5, 2, 3, 4);
        Tensor b = GradCheck.uniform(12, 0.5, 2, 4);
        GradCheck.check("add(t, alpha=2.5)", in -> in[0].add(in[1], 2.5), a, b);
        GradCheck.check("sub(t, alpha=-1.5)", in -> in[0].sub(in[1], -1.5), a, b);
        Expect.values(Nano.tensor(1.0, 2.0).add(Nano.tensor(10.0, 20.0), 0.5), new int[] {2}, 6, 12);
        Expect.values(Nano.tensor(1.0, 2.0).sub(Nano.tensor(10.0, 20.0), 0.5), new int[] {2}, -4, -8);
    }

    /**
     * {@code div(t, "trunc"/"floor")}: hand-derived quotients (Python's // for floor, including the
     * case where a / b rounds up to a whole number but the exact quotient is below it) and zero
     * gradients; an unknown mode is PyTorch's error (issue 25).
     */
    @Test
    void divWithARoundingModeRoundsTheQuotientAndHasNoGradient() {
        Tensor a = Nano.tensor(7.0, -7.0, 7.0, -7.0, 1.0, 0.0, -0.0).requiresGrad(true);
        Tensor b = Nano.tensor(2.0, 2.0, -2.0, -2.0, 0.1, -3.0, 3.0);
        Expect.values(a.div(b, "trunc"), new int[] {7}, 3, -3, -3, 3, 10, -0.0, -0.0);
        // 1 // 0.1 is 9 in Python: fmod(1, 0.1) = 0.0999..., so the exact quotient is just under 10.
        Tensor floor = a.div(b, "floor");
        Expect.values(floor, new int[] {7}, 3, -4, -4, 3, 9, -0.0, -0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(floor.data()[5]));
        Expect.values(Nano.tensor(1.0, -1.0).div(0.0, "floor"), new int[] {2}, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        floor.sum().backward();
        Expect.values(a.grad(), new int[] {7}, 0, 0, 0, 0, 0, 0, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> a.div(b, "round"));
        assertEquals("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'",
                e.getMessage());
    }
}
