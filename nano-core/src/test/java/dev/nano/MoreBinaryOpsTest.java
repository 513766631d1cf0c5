package dev.nano;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The two- and three-operand ops of issue 24 ({@code atan2 fmod remainder hypot logaddexp xlogy
 * copysign lerp addcmul addcdiv}): finite-difference gradchecks on equal and broadcast shapes, then
 * values and gradients at the special points, derived by hand from the definitions and from
 * PyTorch's kernels and tools/autograd/derivatives.yaml.
 */
class MoreBinaryOpsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    record Binary(String name, BiFunction<Tensor, Tensor, Tensor> op, double lo, double hi, double bLo, double bHi) {
    }

    static final List<Binary> BINARY = List.of(
            new Binary("atan2", Nano::atan2, 0.2, 3, 0.2, 3),
            new Binary("fmod", Nano::fmod, 0.1, 0.9, 1, 2),
            new Binary("remainder", Nano::remainder, -0.9, -0.1, 1, 2),
            new Binary("hypot", Nano::hypot, 0.2, 3, -3, -0.2),
            new Binary("logaddexp", Nano::logaddexp, -3, 3, -3, 3),
            new Binary("xlogy", Nano::xlogy, -3, 3, 0.2, 4),
            new Binary("copysign", Nano::copysign, 0.2, 3, -3, -0.2));

    static final int[][][] PAIRS = {{{3, 4}, {3, 4}}, {{}, {5}}, {{2, 1, 3}, {4, 1}}};

    static Stream<Arguments> binaryCases() {
        return BINARY.stream().flatMap(c -> Stream.of(PAIRS).map(p -> Arguments.of(Named.of(c.name() + " "
                + Shape.toString(p[0]) + "|" + Shape.toString(p[1]), c), p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void gradcheckBinary(Binary c, int[][] shapes) {
        Tensor a = GradCheck.uniform(c.name().hashCode(), c.lo(), c.hi(), shapes[0]);
        Tensor b = GradCheck.uniform(c.name().hashCode() + 1, c.bLo(), c.bHi(), shapes[1]);
        GradCheck.check(c.name(), in -> c.op().apply(in[0], in[1]), a, b);
    }

    @Test
    void gradcheckTernary() {
        for (int[][] shapes : new int[][][] {{{3, 4}, {3, 4}, {3, 4}}, {{2, 1}, {3}, {}}, {{4}, {3, 1}, {1, 4}}}) {
            Tensor a = GradCheck.uniform(1, -2, 2, shapes[0]);
            Tensor b = GradCheck.uniform(2, -2, 2, shapes[1]);
            Tensor w = GradCheck.uniform(3, -1, 1.5, shapes[2]);
            Tensor d = GradCheck.uniform(4, 0.5, 2, shapes[2]);
            GradCheck.check("lerp", in -> Nano.lerp(in[0], in[1], in[2]), a, b, w);
            GradCheck.check("addcmul", in -> Nano.addcmul(in[0], in[1], in[2], 0.75), a, b, w);
            GradCheck.check("addcdiv", in -> Nano.addcdiv(in[0], in[1], in[2], -1.5), a, b, d);
        }
        GradCheck.check("lerp(w=0.3)", in -> Nano.lerp(in[0], in[1], 0.3), GradCheck.uniform(5, -2, 2, 2, 3),
                GradCheck.uniform(6, -2, 2, 3));
    }

    /** d(sum op(a, b))/da and /db on 1-D inputs. */
    private static void gradients(BiFunction<Tensor, Tensor, Tensor> op, double[] a, double[] b, double[] ga,
                                  double[] gb) {
        Tensor x = Nano.tensor(a).requiresGrad(true);
        Tensor y = Nano.tensor(b).requiresGrad(true);
        op.apply(x, y).backward(Nano.ones(a.length));
        Expect.values(x.grad(), new int[] {a.length}, ga);
        Expect.values(y.grad(), new int[] {b.length}, gb);
    }

    private static double[] at(double... v) {
        return v;
    }

    @Test
    void atan2QuadrantsAndOrigin() {
        Expect.values(Nano.atan2(Nano.tensor(1, 0, -0.0, 1, -1), Nano.tensor(1, -1, -1, 0, -1)), new int[] {5},
                Math.PI / 4, Math.PI, -Math.PI, Math.PI / 2, -3 * Math.PI / 4);
        // grad·other/(self² + other²) and −grad·self/(…): NaN at the origin (0 · inf).
        gradients(Nano::atan2, at(1, 0), at(1, 0), at(0.5, NAN), at(-0.5, NAN));
    }

    @Test
    void fmodTakesTheDividendsSign() {
        Expect.values(Nano.fmod(Nano.tensor(5.5, -5.5, 5.5, 1, INF, 2), Nano.tensor(2, 2, -2, 0, 2, INF)),
                new int[] {6}, 1.5, -1.5, 1.5, NAN, NAN, 2);
        Expect.values(Nano.fmod(Nano.tensor(5.5, -7), 2.5), new int[] {2}, 0.5, -2);
        // grad and −grad·trunc(self / other).
        gradients(Nano::fmod, at(5.5, -5.5), at(2, 2), at(1, 1), at(-2, 2));
    }

    @Test
    void remainderTakesTheDivisorsSign() {
        Expect.values(Nano.remainder(Nano.tensor(5.5, -5.5, 5.5, -5.5, 4, 1), Nano.tensor(2, 2, -2, -2, 2, 0)),
                new int[] {6}, 1.5, 0.5, -0.5, -1.5, 0, NAN);
        Expect.values(Nano.remainder(Nano.tensor(-1, 7), 3.0), new int[] {2}, 2, 1);
        Expect.values(Nano.remainder(5.5, Nano.tensor(2, -2)), new int[] {2}, 1.5, -0.5);
        // PyTorch has no derivative for the number-dividend overload: its backward fails.
        Tensor divisor = Nano.tensor(2, -2).requiresGrad(true);
        Tensor r = Nano.remainder(5.5, divisor);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.backward(Nano.ones(2)));
        assertEquals("derivative for aten::remainder is not implemented", e.getMessage());
        // grad and −grad·floor(self / other).
        gradients(Nano::remainder, at(5.5, -5.5, 5.5, -5.5), at(2, 2, -2, -2), at(1, 1, 1, 1), at(-2, 3, 3, -2));
    }

    @Test
    void hypotWithoutOverflow() {
        Expect.values(Nano.hypot(Nano.tensor(3, 1e300, INF, 0), Nano.tensor(4, 1e300, NAN, 0)), new int[] {4},
                5, Math.sqrt(2) * 1e300, INF, 0);
        gradients(Nano::hypot, at(3, 0), at(4, 0), at(0.6, NAN), at(0.8, NAN));
    }

    @Test
    void logaddexpAtTiesAndInfinities() {
        Expect.values(Nano.logaddexp(Nano.tensor(0, INF, -INF, 800, 1), Nano.tensor(0, INF, -INF, 0, 2)),
                new int[] {5}, Math.log(2), INF, -INF, 800, Math.log(Math.E + Math.E * Math.E));
        // grad / (1 + exp(other − self)): ½ at a tie, NaN where both are the same infinity.
        gradients(Nano::logaddexp, at(0, INF), at(0, INF), at(0.5, NAN), at(0.5, NAN));
    }

    @Test
    void xlogyIsZeroWhereXIsZero() {
        Expect.values(Nano.xlogy(Nano.tensor(0, 0, 2, 3, 0), Nano.tensor(0, NAN, Math.E, 0, -1)), new int[] {5},
                0, NAN, 2, -INF, 0);
        Expect.values(Nano.xlogy(Nano.tensor(2, 0), Math.E), new int[] {2}, 2, 0);
        // With a number for other, self = 0 gets a zero gradient unless other > 0, NaN included.
        Tensor self = Nano.tensor(0, 1).requiresGrad(true);
        Nano.xlogy(self, NAN).backward(Nano.ones(2));
        Expect.values(self.grad(), new int[] {2}, 0, NAN);
        Expect.values(Nano.xlogy(3.0, Nano.tensor(1, Math.E)), new int[] {2}, 0, 3);
        // xlogy(grad, other), 0 where self is 0 and other ≤ 0; and grad·self / other.
        gradients(Nano::xlogy, at(0, 2, 0, 0, 1), at(0, Math.E, NAN, Math.E, 0), at(0, 1, NAN, 1, -INF),
                at(NAN, 2 / Math.E, NAN, 0, INF));
    }

    @Test
    void copysignUsesTheSignBit() {
        Tensor r = Nano.copysign(Nano.tensor(2, -3, 0), Nano.tensor(-0.0, 1, -1));
        Expect.values(r, new int[] {3}, -2, 3, 0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.data()[2]), "copysign(0, -1)");
        Expect.values(Nano.copysign(Nano.tensor(2, -3), -1.0), new int[] {2}, -2, -3);
        // grad·(result / self), 0 where self is 0; the sign operand gets zeros.
        gradients(Nano::copysign, at(2, -3, 0), at(-0.0, 1, -1), at(-1, -1, 0), at(0, 0, 0));
    }

    @Test
    void lerpIsExactAtTheEndsAndSwitchesFormulaAtAHalf() {
        Expect.values(Nano.lerp(Nano.tensor(1, 1, 1, 1, 1), Nano.tensor(3, 3, 3, 3, 3),
                Nano.tensor(0, 0.25, 0.5, 1, 2)), new int[] {5}, 1, 1.5, 2, 3, 5);
        Tensor s = Nano.tensor(new double[] {1, -1}, 2, 1).requiresGrad(true);
        Tensor e = Nano.tensor(3, 5, 7).requiresGrad(true);
        Tensor w = Nano.tensor(0.25).requiresGrad(true);
        Tensor out = Nano.lerp(s, e, w);
        Expect.values(out, new int[] {2, 3}, 1.5, 2, 2.5, 0, 0.5, 1);
        out.backward(Nano.ones(2, 3));
        // grad·(1 − weight), grad·weight, grad·(end − self), summed over the broadcast dims.
        Expect.values(s.grad(), new int[] {2, 1}, 2.25, 2.25);
        Expect.values(e.grad(), new int[] {3}, 0.5, 0.5, 0.5);
        Expect.values(w.grad(), new int[] {1}, 2 + 4 + 6 + 4 + 6 + 8);
        Tensor s2 = Nano.tensor(1, 2).requiresGrad(true);
        Nano.lerp(s2, Nano.tensor(3, 4), 0.75).backward(Nano.ones(2));
        Expect.values(s2.grad(), new int[] {2}, 0.25, 0.25);
    }

    @Test
    void addcmulAndAddcdiv() {
        Tensor x = Nano.tensor(1).requiresGrad(true);
        Tensor t1 = Nano.tensor(2).requiresGrad(true);
        Tensor t2 = Nano.tensor(3).requiresGrad(true);
        Tensor m = Nano.addcmul(x, t1, t2, 0.5);
        Expect.values(m, new int[] {1}, 4);
        m.backward(Nano.ones(1));
        Expect.values(x.grad(), new int[] {1}, 1);
        Expect.values(t1.grad(), new int[] {1}, 1.5);
        Expect.values(t2.grad(), new int[] {1}, 1);
        Expect.values(Nano.addcmul(Nano.tensor(1), Nano.tensor(2), Nano.tensor(3)), new int[] {1}, 7);

        Tensor y = Nano.tensor(1).requiresGrad(true);
        Tensor n = Nano.tensor(2).requiresGrad(true);
        Tensor d = Nano.tensor(4).requiresGrad(true);
        Tensor q = Nano.addcdiv(y, n, d, 0.5);
        Expect.values(q, new int[] {1}, 1.25);
        q.backward(Nano.ones(1));
        Expect.values(y.grad(), new int[] {1}, 1);
        Expect.values(n.grad(), new int[] {1}, 0.125);
        Expect.values(d.grad(), new int[] {1}, -0.0625);
        Expect.values(Nano.addcdiv(Nano.tensor(1), Nano.tensor(2), Nano.tensor(0)), new int[] {1}, INF);
    }

    @Test
    void onlyTheOperandsThatRequireGradGetOne() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor t1 = Nano.tensor(3, 4);
        Nano.addcmul(x, t1, Nano.tensor(5, 6)).backward(Nano.ones(2));
        Expect.values(x.grad(), new int[] {2}, 1, 1);
        assertNull(t1.grad());
    }

    @Test
    void threeOperandMismatchNamesTheShapeSoFarAndTheNext() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.addcdiv(Nano.zeros(2, 3), Nano.zeros(2, 3), Nano.zeros(2, 4)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                e.getMessage());
    }
}
