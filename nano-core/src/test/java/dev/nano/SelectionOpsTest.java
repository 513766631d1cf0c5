package dev.nano;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * clamp, maximum, minimum and where: gradchecks over shapes and broadcast pairs, then the tie,
 * bound and NaN cases worked out by hand from PyTorch's formulas (derivatives.yaml,
 * torch/csrc/autograd/FunctionsManual.cpp clamp_backward / clamp_backward_min_max).
 */
class SelectionOpsTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}};

    /** Broadcast pairs: (shape of the first operand, shape of the second). */
    static final int[][][] BROADCAST_PAIRS = {
        {{5}, {5}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {4}}, {{}, {3, 4}}, {{3, 4}, {}}, {{2, 1, 4}, {3, 1}}};

    private static Tensor bool(int[] shape, boolean... values) {
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i] ? 1 : 0;
        }
        return new Tensor(data, shape, DType.BOOL);
    }

    /** Values in [-2, 2] kept at least 0.05 away from ±1 (the clamp bounds used below). */
    private static Tensor awayFromUnitBounds(long seed, int[] shape) {
        Tensor t = GradCheck.uniform(seed, -2, 2, shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            for (double bound : new double[] {-1, 1}) {
                if (Math.abs(d[i] - bound) < 0.05) {
                    d[i] = bound + (d[i] >= bound ? 0.05 : -0.05);
                }
            }
        }
        return t;
    }

    private static String name(String op, int[]... shapes) {
        StringBuilder sb = new StringBuilder(op);
        for (int[] s : shapes) {
            sb.append(' ').append(Arrays.toString(s));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- clamp: gradcheck

    static Stream<Arguments> shapes() {
        return Arrays.stream(SHAPES).map(s -> Arguments.of(Named.of(Arrays.toString(s), s)));
    }

    @ParameterizedTest(name = "clamp scalar bounds {0}")
    @MethodSource("shapes")
    void gradcheckClampScalarBounds(int[] shape) {
        Tensor x = awayFromUnitBounds(11, shape);
        GradCheck.check("clamp(-1, 1)", in -> Nano.clamp(in[0], -1.0, 1.0), x);
        GradCheck.check("clamp(min=-1)", in -> Nano.clamp(in[0], -1.0, null), x);
        GradCheck.check("clamp(max=1)", in -> Nano.clamp(in[0], null, 1.0), x);
        GradCheck.check("clampMin(-1)", in -> in[0].clampMin(-1), x);
        GradCheck.check("clampMax(1)", in -> in[0].clampMax(1), x);
    }

    /**
     * Tensor bounds that broadcast with x: min in [-1.1, -0.9], max in [0.9, 1.1], x kept out of
     * [-1.2, -0.8] and [0.8, 1.2] so no element sits on a bound.
     */
    static Stream<Arguments> clampTensorShapes() {
        int[][][] triples = {
            {{5}, {5}, {5}}, {{3, 4}, {3, 1}, {1, 4}}, {{2, 3, 4}, {4}, {}}, {{}, {3, 4}, {3, 1}}, {{3, 1}, {}, {4}}};
        return Arrays.stream(triples).map(t -> Arguments.of(Named.of(name("", t).trim(), t)));
    }

    private static Tensor clampInput(long seed, int[] shape) {
        Tensor t = GradCheck.uniform(seed, -2, 2, shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double m = Math.abs(d[i]);
            if (m > 0.8 && m < 1.2) {
                d[i] = Math.signum(d[i]) * (m < 1 ? 0.8 : 1.2);
            }
        }
        return t;
    }

    @ParameterizedTest(name = "clamp tensor bounds x, min, max = {0}")
    @MethodSource("clampTensorShapes")
    void gradcheckClampTensorBounds(int[][] shapes) {
        Tensor x = clampInput(21, shapes[0]);
        Tensor min = GradCheck.uniform(22, -1.1, -0.9, shapes[1]);
        Tensor max = GradCheck.uniform(23, 0.9, 1.1, shapes[2]);
        GradCheck.check("clamp(x, min, max)", in -> Nano.clamp(in[0], in[1], in[2]), x, min, max);
        GradCheck.check("clamp(x, min)", in -> Nano.clamp(in[0], in[1], (Tensor) null), x, min);
        GradCheck.check("clamp(x, max)", in -> Nano.clamp(in[0], (Tensor) null, in[1]), x, max);
    }

    /** Crossed bounds (min > max): the output is max everywhere, so only max gets a gradient. */
    @Test
    void gradcheckClampWithCrossedTensorBounds() {
        Tensor x = clampInput(31, new int[] {3, 4});
        Tensor min = GradCheck.uniform(32, 0.9, 1.1, 3, 1);
        Tensor max = GradCheck.uniform(33, -1.1, -0.9, 4);
        GradCheck.check("clamp(min > max)", in -> Nano.clamp(in[0], in[1], in[2]), x, min, max);
    }

    // ---------------------------------------------------------------- clamp: by hand

    @Test
    void clampScalarBoundsAreInclusiveForTheGradient() {
        Tensor x = Nano.tensor(-2, -1, 0, 1, 2).requiresGrad(true);
        Tensor y = Nano.clamp(x, -1.0, 1.0);
        Expect.values(y, new int[] {5}, -1, -1, 0, 1, 1);
        y.backward(Nano.ones(5));
        Expect.values(x.grad(), new int[] {5}, 0, 1, 1, 1, 0);
    }

    /** Contrast with relu: clamp(x, min=0) has gradient 1 at x = 0. */
    @Test
    void oneSidedClampGradientAtTheBound() {
        Tensor x = Nano.tensor(-1, 0, 1).requiresGrad(true);
        Nano.clamp(x, 0.0, null).backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0, 1, 1);
        Tensor z = Nano.tensor(-1, 0, 1).requiresGrad(true);
        Nano.clamp(z, null, 0.0).backward(Nano.ones(3));
        Expect.values(z.grad(), new int[] {3}, 1, 1, 0);
    }

    @Test
    void clampWithMinAboveMaxGivesMaxAndNoGradient() {
        Tensor x = Nano.tensor(-3, 0.5, 3).requiresGrad(true);
        Tensor y = Nano.clamp(x, 1.0, 0.0);
        Expect.values(y, new int[] {3}, 0, 0, 0);
        y.backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void clampPropagatesNaNInputWithZeroGradient() {
        Tensor x = Nano.tensor(NAN, 0.5).requiresGrad(true);
        Tensor y = Nano.clamp(x, 0.0, 1.0);
        Expect.values(y, new int[] {2}, NAN, 0.5);
        y.backward(Nano.ones(2));
        Expect.values(x.grad(), new int[] {2}, 0, 1);
        Expect.values(Nano.clamp(Nano.tensor(NAN), 0.0, null), new int[] {1}, NAN);
        Expect.values(Nano.clamp(Nano.tensor(NAN), null, 0.0), new int[] {1}, NAN);
    }

    /** clamp_out fills with NaN when either of two scalar bounds is NaN; a lone NaN bound is ignored. */
    @Test
    void clampWithNaNScalarBound() {
        Expect.values(Nano.clamp(Nano.tensor(-5, 0, 5), NAN, 1.0), new int[] {3}, NAN, NAN, NAN);
        Expect.values(Nano.clamp(Nano.tensor(-5, 0, 5), -1.0, NAN), new int[] {3}, NAN, NAN, NAN);
        Expect.values(Nano.clamp(Nano.tensor(-5, 0, 5), NAN, null), new int[] {3}, -5, 0, 5);
        Expect.values(Nano.clamp(Nano.tensor(-5, 0, 5), null, NAN), new int[] {3}, -5, 0, 5);
    }

    @Test
    void clampToInfiniteBounds() {
        Expect.values(Nano.clamp(Nano.tensor(-INF, 3, INF), -INF, 2.0), new int[] {3}, -INF, 2, 2);
    }

    /**
     * x = [0, 2, -2, 1], min = [-1, -1, -1, 1], max = [1, 1, 1, 2]: outputs [0, 1, -1, 1].
     * x gets grad where min <= x <= max (element 3 sits on min: 1); min where x < min; max where
     * x > max.
     */
    @Test
    void clampTensorBoundsRouteTheGradient() {
        Tensor x = Nano.tensor(0, 2, -2, 1).requiresGrad(true);
        Tensor min = Nano.tensor(-1, -1, -1, 1).requiresGrad(true);
        Tensor max = Nano.tensor(1, 1, 1, 2).requiresGrad(true);
        Tensor y = Nano.clamp(x, min, max);
        Expect.values(y, new int[] {4}, 0, 1, -1, 1);
        y.backward(Nano.tensor(1, 2, 3, 4));
        Expect.values(x.grad(), new int[] {4}, 1, 0, 0, 4);
        Expect.values(min.grad(), new int[] {4}, 0, 0, 3, 0);
        Expect.values(max.grad(), new int[] {4}, 0, 2, 0, 0);
    }

    /**
     * Crossed bounds min = 2 > max = 1: output min(max(x, 2), 1) = 1. By clamp_backward_min_max,
     * min gets grad only where x < min AND min < max (never), max where x > max OR max < min
     * (always), and x where min <= x <= max (never).
     */
    @Test
    void clampTensorCrossedBoundsSendEverythingToMax() {
        Tensor x = Nano.tensor(0, 1.5, 3).requiresGrad(true);
        Tensor min = Nano.scalar(2).requiresGrad(true);
        Tensor max = Nano.scalar(1).requiresGrad(true);
        Tensor y = Nano.clamp(x, min, max);
        Expect.values(y, new int[] {3}, 1, 1, 1);
        y.backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
        Expect.values(min.grad(), new int[] {}, 0);
        Expect.values(max.grad(), new int[] {}, 3);
    }

    @Test
    void clampTensorBoundGradientsAreSummedToTheirShapes() {
        Tensor x = Nano.tensor(new double[][] {{-3, 0, 3}, {-4, 4, 0.5}}).requiresGrad(true);
        Tensor min = Nano.tensor(new double[][] {{-1}, {-2}}).requiresGrad(true);
        Tensor max = Nano.scalar(1).requiresGrad(true);
        Tensor y = Nano.clamp(x, min, max);
        Expect.values(y, new int[] {2, 3}, -1, 0, 1, -2, 1, 0.5);
        y.backward(Nano.ones(2, 3));
        Expect.values(x.grad(), new int[] {2, 3}, 0, 1, 0, 0, 0, 1);
        Expect.values(min.grad(), new int[] {2, 1}, 1, 1);
        Expect.values(max.grad(), new int[] {}, 2);
    }

    /** One-sided tensor clamp is maximum/minimum: a NaN bound propagates (unlike a scalar bound). */
    @Test
    void oneSidedTensorClampPropagatesNaNFromTheBound() {
        Tensor x = Nano.tensor(-1, 0, 1).requiresGrad(true);
        Tensor min = Nano.tensor(0, NAN, 0).requiresGrad(true);
        Tensor y = Nano.clamp(x, min, (Tensor) null);
        Expect.values(y, new int[] {3}, 0, NAN, 1);
        y.backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0, 0, 1);
        Expect.values(min.grad(), new int[] {3}, 1, 0, 0);
        Expect.values(Nano.clamp(Nano.tensor(3, NAN), (Tensor) null, Nano.scalar(1)), new int[] {2}, 1, NAN);
        Expect.values(Nano.clamp(Nano.tensor(3), Nano.scalar(0), Nano.scalar(NAN)), new int[] {1}, NAN);
    }

    @Test
    void clampNeedsABound() {
        IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class,
                () -> Nano.clamp(Nano.tensor(1), (Double) null, (Double) null));
        assertEquals("torch.clamp: At least one of 'min' or 'max' must not be None", scalar.getMessage());
        IllegalArgumentException tensor = assertThrows(IllegalArgumentException.class,
                () -> Nano.clamp(Nano.tensor(1), (Tensor) null, (Tensor) null));
        assertEquals("torch.clamp: At least one of 'min' or 'max' must not be None", tensor.getMessage());
    }

    @Test
    void clampTensorBoundsMustBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.clamp(Nano.zeros(3), Nano.zeros(4), Nano.zeros(3)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                e.getMessage());
    }

    // ---------------------------------------------------------------- maximum / minimum

    static Stream<Arguments> broadcastPairs() {
        return Arrays.stream(BROADCAST_PAIRS).map(p -> Arguments.of(Named.of(name("", p).trim(), p)));
    }

    @ParameterizedTest(name = "maximum/minimum {0}")
    @MethodSource("broadcastPairs")
    void gradcheckMaximumMinimum(int[][] shapes) {
        Tensor a = GradCheck.uniform(41, -2, 2, shapes[0]);
        Tensor b = GradCheck.uniform(42, -2, 2, shapes[1]);
        GradCheck.check("maximum", in -> Nano.maximum(in[0], in[1]), a, b);
        GradCheck.check("minimum", in -> Nano.minimum(in[0], in[1]), a, b);
    }

    @ParameterizedTest(name = "maximum/minimum same shape {0}")
    @MethodSource("shapes")
    void gradcheckMaximumMinimumSameShape(int[] shape) {
        Tensor a = GradCheck.uniform(43, -2, 2, shape);
        Tensor b = GradCheck.uniform(44, -2, 2, shape);
        GradCheck.check("maximum", in -> in[0].maximum(in[1]), a, b);
        GradCheck.check("minimum", in -> in[0].minimum(in[1]), a, b);
    }

    @Test
    void maximumSplitsTheGradientAtTies() {
        Tensor a = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor b = Nano.tensor(1, 0, 5).requiresGrad(true);
        Tensor y = Nano.maximum(a, b);
        Expect.values(y, new int[] {3}, 1, 2, 5);
        y.backward(Nano.tensor(4, 4, 4));
        Expect.values(a.grad(), new int[] {3}, 2, 4, 0);
        Expect.values(b.grad(), new int[] {3}, 2, 0, 4);
    }

    @Test
    void minimumSplitsTheGradientAtTies() {
        Tensor a = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor b = Nano.tensor(1, 0, 5).requiresGrad(true);
        Tensor y = Nano.minimum(a, b);
        Expect.values(y, new int[] {3}, 1, 0, 3);
        y.backward(Nano.tensor(4, 4, 4));
        Expect.values(a.grad(), new int[] {3}, 2, 0, 4);
        Expect.values(b.grad(), new int[] {3}, 2, 4, 0);
    }

    /** derivatives.yaml's maximum: at x = 0, maximum(x, tensor(0.)) gives 0.5 (relu gives 0, clamp 1). */
    @Test
    void maximumWithZeroAtZero() {
        Tensor x = Nano.tensor(0, 2, -2).requiresGrad(true);
        Nano.maximum(x, Nano.scalar(0)).backward(Nano.ones(3));
        Expect.values(x.grad(), new int[] {3}, 0.5, 1, 0);
    }

    /** Tied halves from several broadcast positions are summed back onto the 0-d operand. */
    @Test
    void maximumTieGradientsSumIntoABroadcastOperand() {
        Tensor a = Nano.tensor(1, 1, 0, 3).requiresGrad(true);
        Tensor b = Nano.scalar(1).requiresGrad(true);
        Nano.maximum(a, b).backward(Nano.ones(4));
        Expect.values(a.grad(), new int[] {4}, 0.5, 0.5, 0, 1);
        Expect.values(b.grad(), new int[] {}, 2);
    }

    /** NaN wins the forward; every comparison with NaN is false, so both sides get the full gradient. */
    @Test
    void maximumAndMinimumPropagateNaN() {
        Tensor a = Nano.tensor(NAN, 1, NAN).requiresGrad(true);
        Tensor b = Nano.tensor(1, NAN, NAN).requiresGrad(true);
        Tensor y = Nano.maximum(a, b);
        Expect.values(y, new int[] {3}, NAN, NAN, NAN);
        y.backward(Nano.ones(3));
        Expect.values(a.grad(), new int[] {3}, 1, 1, 1);
        Expect.values(b.grad(), new int[] {3}, 1, 1, 1);
        Expect.values(Nano.minimum(Nano.tensor(NAN, 1), Nano.tensor(0, NAN)), new int[] {2}, NAN, NAN);
    }

    @Test
    void maximumWithInfinities() {
        Expect.values(Nano.maximum(Nano.tensor(-INF, INF), Nano.tensor(0, 0)), new int[] {2}, 0, INF);
        Expect.values(Nano.minimum(Nano.tensor(-INF, INF), Nano.tensor(0, 0)), new int[] {2}, -INF, 0);
    }

    @Test
    void maximumShapesMustBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.maximum(Nano.zeros(2, 3), Nano.zeros(4)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                e.getMessage());
    }

    // ---------------------------------------------------------------- where

    static Stream<Arguments> whereShapes() {
        int[][][] triples = {
            {{5}, {5}, {5}}, {{2, 1, 4}, {3, 1}, {4}}, {{3, 4}, {}, {3, 4}}, {{}, {3, 4}, {4}}, {{3, 1}, {1, 4}, {}}};
        return Arrays.stream(triples).map(t -> Arguments.of(Named.of(name("", t).trim(), t)));
    }

    @ParameterizedTest(name = "where condition, a, b = {0}")
    @MethodSource("whereShapes")
    void gradcheckWhere(int[][] shapes) {
        Tensor condition = Nano.gt(GradCheck.uniform(51, -1, 1, shapes[0]), 0.0);
        Tensor a = GradCheck.uniform(52, -2, 2, shapes[1]);
        Tensor b = GradCheck.uniform(53, -2, 2, shapes[2]);
        GradCheck.check("where", in -> Nano.where(in[0], in[1], in[2]), condition, a, b);
        GradCheck.check("a.where(condition, b)", in -> in[1].where(in[0], in[2]), condition, a, b);
    }

    @Test
    void whereRoutesTheGradientByTheCondition() {
        Tensor condition = bool(new int[] {3}, true, false, true);
        Tensor a = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor b = Nano.tensor(10, 20, 30).requiresGrad(true);
        Tensor y = Nano.where(condition, a, b);
        Expect.values(y, new int[] {3}, 1, 20, 3);
        y.backward(Nano.tensor(5, 6, 7));
        Expect.values(a.grad(), new int[] {3}, 5, 0, 7);
        Expect.values(b.grad(), new int[] {3}, 0, 6, 0);
    }

    @Test
    void whereBroadcastsAllThreeAndSumsGradientsBack() {
        Tensor condition = bool(new int[] {2, 1}, true, false);
        Tensor a = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor b = Nano.scalar(-1).requiresGrad(true);
        Tensor y = Nano.where(condition, a, b);
        Expect.values(y, new int[] {2, 3}, 1, 2, 3, -1, -1, -1);
        y.backward(Nano.ones(2, 3));
        Expect.values(a.grad(), new int[] {3}, 1, 1, 1);
        Expect.values(b.grad(), new int[] {}, 3);
    }

    @Test
    void whereWithScalarBranches() {
        Tensor x = Nano.tensor(-1, 2).requiresGrad(true);
        Tensor y = Nano.where(Nano.gt(x, 0.0), x, 0.0);
        Expect.values(y, new int[] {2}, 0, 2);
        y.backward(Nano.ones(2));
        Expect.values(x.grad(), new int[] {2}, 0, 1);
        Expect.values(Nano.where(bool(new int[] {2}, true, false), 7.0, Nano.tensor(1, 2)), new int[] {2}, 7, 2);
    }

    /** where(x > 0, sqrt(x), 0) at x = 0 has gradient NaN, as in PyTorch: sqrt's backward sees 0 / (2·0). */
    @Test
    void whereDoesNotStopAnUntakenBranchFromLeakingNaN() {
        Tensor x = Nano.tensor(0, 4).requiresGrad(true);
        Tensor y = Nano.where(Nano.gt(x, 0.0), Nano.sqrt(x), 0.0);
        Expect.values(y, new int[] {2}, 0, 2);
        y.backward(Nano.ones(2));
        Expect.values(x.grad(), new int[] {2}, NAN, 0.25);
    }

    @Test
    void whereKeepsNaNAndInfOfThePickedBranchOnly() {
        Tensor condition = bool(new int[] {2}, true, false);
        Expect.values(Nano.where(condition, Nano.tensor(NAN, NAN), Nano.tensor(INF, 1)), new int[] {2}, NAN, 1);
    }

    @Test
    void whereNeedsABoolCondition() {
        IllegalArgumentException doubles = assertThrows(IllegalArgumentException.class,
                () -> Nano.where(Nano.tensor(1, 0), Nano.tensor(1, 2), Nano.tensor(3, 4)));
        assertEquals("where expected condition to be a boolean tensor, but got a tensor with dtype Double",
                doubles.getMessage());
        Tensor longs = new Tensor(new double[] {1, 0}, new int[] {2}, DType.INT64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.where(longs, Nano.tensor(1, 2), Nano.tensor(3, 4)));
        assertEquals("where expected condition to be a boolean tensor, but got a tensor with dtype Long",
                e.getMessage());
    }

    @Test
    void whereShapesMustBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.where(bool(new int[] {2}, true, false), Nano.zeros(3), Nano.zeros(2)));
        assertEquals("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
                e.getMessage());
    }

    // ---------------------------------------------------------------- graph

    static Stream<Arguments> nodeNames() {
        Tensor cond = bool(new int[] {1}, true);
        return Stream.of(
                Arguments.of("clamp(scalar)", (Function<Tensor, Tensor>) x -> Nano.clamp(x, 0.0, 1.0), "ClampBackward1"),
                Arguments.of("clamp_min", (Function<Tensor, Tensor>) x -> Nano.clampMin(x, 0.0), "ClampMinBackward0"),
                Arguments.of("clamp_max", (Function<Tensor, Tensor>) x -> Nano.clampMax(x, 1.0), "ClampMaxBackward0"),
                Arguments.of("clamp(tensor)", (Function<Tensor, Tensor>) x -> Nano.clamp(x, Nano.scalar(0), Nano.scalar(1)),
                        "ClampBackward0"),
                Arguments.of("maximum", (Function<Tensor, Tensor>) x -> Nano.maximum(x, Nano.scalar(0)), "MaximumBackward0"),
                Arguments.of("minimum", (Function<Tensor, Tensor>) x -> Nano.minimum(x, Nano.scalar(0)), "MinimumBackward0"),
                Arguments.of("where", (Function<Tensor, Tensor>) x -> Nano.where(cond, x, 0.0), "WhereBackward0"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("nodeNames")
    void nodeNamesFollowPyTorch(String op, Function<Tensor, Tensor> f, String expected) {
        Tensor y = f.apply(Nano.tensor(0.5).requiresGrad(true));
        assertEquals(expected, y.gradFn().name());
    }

    @Test
    void onlyInputsThatRequireGradReceiveOne() {
        Tensor x = Nano.tensor(0.5, 3).requiresGrad(true);
        Tensor max = Nano.tensor(1, 1);
        Nano.clamp(x, Nano.scalar(0), max).backward(Nano.ones(2));
        Expect.values(x.grad(), new int[] {2}, 1, 0);
        assertNull(max.grad());
    }

    @Test
    void emptyTensors() {
        Expect.values(Nano.maximum(Nano.zeros(0), Nano.scalar(1)), new int[] {0});
        Expect.values(Nano.clamp(Nano.zeros(2, 0), -1.0, 1.0), new int[] {2, 0});
        Expect.values(Nano.where(bool(new int[] {0}), Nano.zeros(0), Nano.scalar(1)), new int[] {0});
    }
}
