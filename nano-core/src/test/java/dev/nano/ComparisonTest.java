package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** lt le gt ge eq ne: bool results, broadcasting, scalars on either side, IEEE NaN rules. */
class ComparisonTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[] EDGE = {0, 1, -1, INF, -INF, NAN};

    /** Every pair of edge values, against the comparison written out by hand. */
    @Test
    void edgeValueProductFollowsIeee() {
        checkAll("lt", Tensor::lt, 0);
        checkAll("le", Tensor::le, 1);
        checkAll("gt", Tensor::gt, 2);
        checkAll("ge", Tensor::ge, 3);
        checkAll("eq", Tensor::eq, 4);
        checkAll("ne", Tensor::ne, 5);
    }

    private static void checkAll(String name, BiFunction<Tensor, Tensor, Tensor> op, int which) {
        // a as a column (6,1), b as a row (6,) -> broadcast to (6,6).
        Tensor a = Nano.tensor(EDGE, 6, 1);
        Tensor b = Nano.tensor(EDGE);
        Tensor r = op.apply(a, b);
        assertEquals(DType.BOOL, r.dtype());
        double[] expected = new double[36];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double x = EDGE[i];
                double y = EDGE[j];
                boolean isNan = Double.isNaN(x) || Double.isNaN(y);
                boolean v = switch (which) {
                    case 0 -> !isNan && x < y;
                    case 1 -> !isNan && x <= y;
                    case 2 -> !isNan && x > y;
                    case 3 -> !isNan && x >= y;
                    case 4 -> !isNan && x == y;
                    default -> isNan || x != y;
                };
                expected[i * 6 + j] = v ? 1 : 0;
            }
        }
        Expect.values(r, new int[] {6, 6}, expected);
        assertFalse(r.requiresGrad(), name);
    }

    @Test
    void nanIsFalseForAllButNe() {
        Tensor n = Nano.tensor(NAN);
        Expect.values(n.eq(n), new int[] {1}, 0);
        Expect.values(n.ne(n), new int[] {1}, 1);
        Expect.values(n.lt(1), new int[] {1}, 0);
        Expect.values(n.ge(NAN), new int[] {1}, 0);
    }

    @Test
    void scalarsOnEitherSide() {
        Tensor t = Nano.tensor(1, 2, 3);
        Expect.values(t.lt(2), new int[] {3}, 1, 0, 0);
        Expect.values(Nano.lt(2.0, t), new int[] {3}, 0, 0, 1); // 2 < t
        Expect.values(Nano.gt(2.0, t), new int[] {3}, 1, 0, 0); // 2 > t
        Expect.values(Nano.le(2.0, t), new int[] {3}, 0, 1, 1);
        Expect.values(Nano.ge(2.0, t), new int[] {3}, 1, 1, 0);
        Expect.values(Nano.eq(2.0, t), new int[] {3}, 0, 1, 0);
        Expect.values(Nano.ne(2.0, t), new int[] {3}, 1, 0, 1);
        Expect.values(t.le(2), new int[] {3}, 1, 1, 0);
        Expect.values(t.gt(2), new int[] {3}, 0, 0, 1);
        Expect.values(t.ge(2), new int[] {3}, 0, 1, 1);
        Expect.values(t.eq(2), new int[] {3}, 0, 1, 0);
        Expect.values(t.ne(2), new int[] {3}, 1, 0, 1);
    }

    @Test
    void resultNeverRequiresGradAndCannotBeMadeTo() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor mask = x.gt(1.5);
        assertFalse(mask.requiresGrad());
        assertNull(mask.gradFn());
        var e = assertThrows(IllegalArgumentException.class, () -> mask.requiresGrad(true));
        assertEquals("only Tensors of floating point dtype can require gradients (got torch.bool)", e.getMessage());
    }

    @Test
    void gradientFlowsThroughAMaskOnlyViaArithmetic() {
        // ((t > 2).to(dtype) * t) has gradient = mask: comparisons are not differentiable
        // (tools/autograd/derivatives.yaml lists no gradient for gt), only the multiplication is.
        Tensor t = Nano.tensor(1, 3, 2, 5).requiresGrad(true);
        t.gt(2).toFloat64().mul(t).backward(Nano.ones(4));
        Expect.values(t.grad(), new int[] {4}, 0, 1, 0, 1);
    }

    @Test
    void broadcastMismatchFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(3).lt(Nano.zeros(4)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                e.getMessage());
    }

    @Test
    void emptyAnd0dShapes() {
        Expect.values(Nano.zeros(0).lt(1), new int[] {0});
        Expect.values(Nano.scalar(1).lt(Nano.zeros(2, 3)), new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
    }
}
