package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * amax/amin, max()/min(), max(dim)/min(dim), argmax/argmin: values, ties, NaN, and how each
 * shares the gradient (tools/autograd/derivatives.yaml: evenly_distribute_backward for amax/amin,
 * value_selecting_reduction_backward for max(dim)/min(dim)).
 */
class ReductionExtremaTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor rows() {
        return Nano.tensor(new double[][] {{1, 3, 3}, {5, 0, 5}});
    }

    // ---------------------------------------------------------------- amax / amin

    @Test
    void amaxTiesShareTheGradient() {
        Tensor x = Nano.tensor(1, 3, 3).requiresGrad(true);
        Tensor m = Nano.amax(x, new int[0], false);
        Expect.values(m, new int[] {}, 3);
        m.backward();
        Expect.values(x.grad(), new int[] {3}, 0, 0.5, 0.5);
    }

    @Test
    void aminTiesShareTheGradient() {
        Tensor x = Nano.tensor(2, 1, 1, 5).requiresGrad(true);
        Tensor m = Nano.amin(x, new int[] {0}, true);
        Expect.values(m, new int[] {1}, 1);
        m.backward(Nano.tensor(4));
        Expect.values(x.grad(), new int[] {4}, 0, 2, 2, 0);
    }

    @Test
    void amaxAlongADimSplitsPerOutputElement() {
        Tensor x = rows().requiresGrad(true);
        Tensor m = Nano.amax(x, new int[] {1}, false);
        Expect.values(m, new int[] {2}, 3, 5);
        m.backward(Nano.tensor(1, 2));
        Expect.values(x.grad(), new int[] {2, 3}, 0, 0.5, 0.5, 1, 0, 1);
    }

    @Test
    void amaxOverSeveralDims() {
        // x[i][j][k] = 4i + 2j + k with one tie added: x[0][1][1] = 7
        Tensor x = Nano.tensor(new double[] {0, 1, 2, 7, 4, 5, 6, 7}, 2, 2, 2).requiresGrad(true);
        Tensor m = Nano.amax(x, new int[] {0, 2}, true);
        Expect.values(m, new int[] {1, 2, 1}, 5, 7);
        m.backward(Nano.tensor(new double[] {1, 1}, 1, 2, 1));
        Expect.values(x.grad(), new int[] {2, 2, 2}, 0, 0, 0, 0.5, 0, 1, 0, 0.5);
        Expect.values(Nano.amin(x, new int[] {-1, 0}, false), new int[] {2}, 0, 2);
    }

    @Test
    void amaxOfInfinitiesTies() {
        Tensor x = Nano.tensor(INF, 1, INF).requiresGrad(true);
        Tensor m = Nano.amax(x, null, false);
        Expect.values(m, new int[] {}, INF);
        m.backward();
        Expect.values(x.grad(), new int[] {3}, 0.5, 0, 0.5);
    }

    @Test
    void amaxWithNaNIsNaNAndSoIsItsGradient() {
        // mask = (result == x) is all false, so (g / mask.sum()) * mask = (g / 0) * 0 = NaN
        Tensor x = Nano.tensor(1, NAN, 3).requiresGrad(true);
        Tensor m = Nano.amax(x, new int[0], false);
        Expect.values(m, new int[] {}, NAN);
        m.backward();
        Expect.values(x.grad(), new int[] {3}, NAN, NAN, NAN);
    }

    @Test
    void amaxOfAnEmptyDimThatIsNotReduced() {
        Expect.values(Nano.amax(Nano.zeros(0, 3), new int[] {1}, false), new int[] {0});
    }

    // ---------------------------------------------------------------- max() / min()

    @Test
    void fullMaxTiesShareTheGradient() {
        Tensor x = Nano.tensor(0, 2, 2, 1, 2).requiresGrad(true);
        Tensor m = Nano.max(x);
        Expect.values(m, new int[] {}, 2);
        m.backward();
        Expect.values(x.grad(), new int[] {5}, 0, 1 / 3.0, 1 / 3.0, 0, 1 / 3.0);
    }

    @Test
    void fullMinOfAMatrix() {
        Tensor x = rows().requiresGrad(true);
        Tensor m = Nano.min(x);
        Expect.values(m, new int[] {}, 0);
        m.backward(Nano.scalar(-2));
        Expect.values(x.grad(), new int[] {2, 3}, 0, 0, 0, 0, -2, 0);
    }

    @Test
    void fullMaxWithNaNSendsTheGradientToTheNaNs() {
        Tensor x = Nano.tensor(1, NAN, 0, NAN).requiresGrad(true);
        Tensor m = Nano.min(x);
        Expect.values(m, new int[] {}, NAN);
        m.backward();
        Expect.values(x.grad(), new int[] {4}, 0, 0.5, 0, 0.5);
        Expect.values(Nano.max(Nano.tensor(NAN, 5)), new int[] {}, NAN);
    }

    @Test
    void fullMaxOfAScalar() {
        Tensor x = Nano.scalar(-4).requiresGrad(true);
        Tensor m = Nano.max(x);
        Expect.values(m, new int[] {}, -4);
        m.backward();
        Expect.values(x.grad(), new int[] {}, 1);
    }

    // ---------------------------------------------------------------- max(dim) / min(dim)

    @Test
    void maxAlongADimReturnsTheFirstIndexAndGivesItAllTheGradient() {
        Tensor x = rows().requiresGrad(true);
        ValuesIndices m = Nano.max(x, 1, false);
        Expect.values(m.values(), new int[] {2}, 3, 5);
        Expect.values(m.indices(), new int[] {2}, 1, 0);
        assertEquals(DType.INT64, m.indices().dtype());
        assertFalse(m.indices().requiresGrad());
        m.values().backward(Nano.tensor(1, 1));
        Expect.values(x.grad(), new int[] {2, 3}, 0, 1, 0, 1, 0, 0);
    }

    @Test
    void minAlongDimZeroWithKeepdim() {
        Tensor x = Nano.tensor(new double[][] {{3, 1}, {1, 1}}).requiresGrad(true);
        ValuesIndices m = Nano.min(x, 0, true);
        Expect.values(m.values(), new int[] {1, 2}, 1, 1);
        Expect.values(m.indices(), new int[] {1, 2}, 1, 0);
        m.values().backward(Nano.tensor(new double[] {2, 3}, 1, 2));
        Expect.values(x.grad(), new int[] {2, 2}, 0, 3, 2, 0);
    }

    @Test
    void maxAlongADimPicksTheFirstNaN() {
        ValuesIndices m = Nano.max(Nano.tensor(1, NAN, 5, NAN), 0, false);
        Expect.values(m.values(), new int[] {}, NAN);
        Expect.values(m.indices(), new int[] {}, 1);
        ValuesIndices first = Nano.min(Nano.tensor(NAN, -1), -1, false);
        Expect.values(first.indices(), new int[] {}, 0);
    }

    @Test
    void maxAlongADimOfAScalar() {
        ValuesIndices m = Nano.max(Nano.scalar(7), 0, true);
        Expect.values(m.values(), new int[] {}, 7);
        Expect.values(m.indices(), new int[] {}, 0);
    }

    // ---------------------------------------------------------------- argmax / argmin

    @Test
    void argmaxAndArgminReturnTheFirstOccurrence() {
        Tensor a = Nano.argmax(Nano.tensor(1, 3, 3));
        assertEquals(DType.INT64, a.dtype());
        Expect.values(a, new int[] {}, 1);
        Expect.values(Nano.argmin(Nano.tensor(2, 0, 0)), new int[] {}, 1);
        // flattened: [1, 5, 5, 2] -> 1
        Expect.values(Nano.argmax(Nano.tensor(new double[][] {{1, 5}, {5, 2}})), new int[] {}, 1);
    }

    @Test
    void argmaxAndArgminPickTheFirstNaN() {
        Expect.values(Nano.argmax(Nano.tensor(1, NAN, 7, NAN)), new int[] {}, 1);
        Expect.values(Nano.argmin(Nano.tensor(1, NAN, -7, NAN)), new int[] {}, 1);
    }

    @Test
    void argmaxAlongADim() {
        Tensor x = Nano.tensor(new double[][] {{1, 5}, {5, 5}});
        Expect.values(Nano.argmax(x, 0, true), new int[] {1, 2}, 1, 0);
        Expect.values(Nano.argmin(x, -1, false), new int[] {2}, 0, 0);
        Expect.values(Nano.argmax(Nano.scalar(3), 0, false), new int[] {}, 0);
        Expect.values(Nano.argmax(Nano.scalar(3)), new int[] {}, 0);
    }

    @Test
    void argmaxNeverRequiresGrad() {
        Tensor x = rows().requiresGrad(true);
        assertFalse(Nano.argmax(x).requiresGrad());
        assertFalse(Nano.argmin(x, 1, false).requiresGrad());
    }

    // ---------------------------------------------------------------- names and errors

    @Test
    void nodeNames() {
        Tensor x = rows().requiresGrad(true);
        assertEquals("AmaxBackward0", Nano.amax(x, new int[] {0}, false).gradFn().name());
        assertEquals("AminBackward0", Nano.amin(x, new int[0], false).gradFn().name());
        assertEquals("MaxBackward1", Nano.max(x).gradFn().name());
        assertEquals("MinBackward1", Nano.min(x).gradFn().name());
        assertEquals("MaxBackward0", Nano.max(x, 0, false).values().gradFn().name());
        assertEquals("MinBackward0", Nano.min(x, 1, true).values().gradFn().name());
    }

    @Test
    void maxOfAnEmptyTensorFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nano.max(Nano.zeros(0)));
        assertEquals("max(): Expected reduction dim to be specified for input.numel() == 0. "
                + "Specify the reduction dim with the 'dim' argument.", e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> Nano.min(Nano.zeros(2, 0)));
        assertEquals("min(): Expected reduction dim to be specified for input.numel() == 0. "
                + "Specify the reduction dim with the 'dim' argument.", m.getMessage());
    }

    @Test
    void maxAlongAnEmptyDimFails() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.max(Nano.zeros(2, 0), -1, false));
        assertEquals("max(): Expected reduction dim 1 to have non-zero size.", e.getMessage());
        // an empty tensor reduced along a non-empty dim is fine
        Expect.values(Nano.min(Nano.zeros(2, 0), 0, false).values(), new int[] {0});
    }

    @Test
    void argmaxOfAnEmptyTensorFails() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Nano.argmax(Nano.zeros(0)));
        assertEquals("argmax(): Expected reduction dim to be specified for input.numel() == 0.", e.getMessage());
        IndexOutOfBoundsException d = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.argmin(Nano.zeros(0, 3), 0, false));
        assertEquals("argmin(): Expected reduction dim 0 to have non-zero size.", d.getMessage());
    }

    @Test
    void amaxOfAnEmptyTensorFails() {
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> Nano.amax(Nano.zeros(0), new int[0], false));
        assertEquals("amax(): Expected reduction dim to be specified for input.numel() == 0. "
                + "Specify the reduction dim with the 'dim' argument.", all.getMessage());
        IndexOutOfBoundsException dim = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.amin(Nano.zeros(3, 0), new int[] {-1}, false));
        assertEquals("amin(): Expected reduction dim -1 to have non-zero size.", dim.getMessage());
    }

    @Test
    void dimOutOfRangeFails() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Nano.max(rows(), 2, false));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
        IndexOutOfBoundsException a = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.amax(rows(), new int[] {-3}, false));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got -3)", a.getMessage());
        IndexOutOfBoundsException g = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.argmax(Nano.scalar(1), 1, false));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", g.getMessage());
    }

    @Test
    void dimNamedTwiceFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.amax(rows(), new int[] {0, -2}, false));
        assertEquals("dim 0 appears multiple times in the list of dims", e.getMessage());
    }

    /** {@code x.argmax(dim)} and {@code x.argmin(dim)} drop the dim, like {@code sum(int)} (issue 25). */
    @Test
    void argmaxAndArgminOfOneDimDropIt() {
        Tensor x = Nano.tensor(new double[][] {{1, 5, 2}, {7, 0, 7}});
        Tensor max = x.argmax(1);
        assertEquals(DType.INT64, max.dtype());
        Expect.values(max, new int[] {2}, 1, 0);
        Expect.values(x.argmin(0), new int[] {3}, 0, 1, 0);
        Expect.values(x.argmax(-2), new int[] {3}, 1, 0, 1);
    }
}
