package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sum and mean: values by hand, shapes with keepdim, empty tensors, node names, errors. */
class ReductionSumMeanTest {

    private static Tensor grid() {
        return Nano.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    private static Tensor leaf(Tensor t) {
        return t.requiresGrad(true);
    }

    @Test
    void sumOverEveryDimOrOne() {
        Expect.values(Nano.sum(grid()), new int[] {}, 21);
        Expect.values(Nano.sum(grid(), new int[] {0}, false), new int[] {3}, 5, 7, 9);
        Expect.values(Nano.sum(grid(), new int[] {-1}, false), new int[] {2}, 6, 15);
        Expect.values(Nano.sum(grid(), new int[] {1}, true), new int[] {2, 1}, 6, 15);
        Expect.values(Nano.sum(grid(), new int[] {0, 1}, true), new int[] {1, 1}, 21);
        Expect.values(Nano.sum(grid(), null, false), new int[] {}, 21);
    }

    @Test
    void sumOverTwoDimsOfThree() {
        // x[i][j][k] = 4i + 2j + k; over dims {0, 2}: j = 0 -> 0+1+4+5, j = 1 -> 2+3+6+7
        Tensor x = Nano.tensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);
        Expect.values(Nano.sum(x, new int[] {0, 2}, false), new int[] {2}, 10, 18);
        Expect.values(Nano.sum(x, new int[] {-1, 0}, true), new int[] {1, 2, 1}, 10, 18);
    }

    @Test
    void sumGradientIsTheUpstreamGradientOfEachGroup() {
        Tensor x = leaf(grid());
        Nano.sum(x, new int[] {1}, false).backward(Nano.tensor(1, 2));
        Expect.values(x.grad(), new int[] {2, 3}, 1, 1, 1, 2, 2, 2);

        Tensor y = leaf(grid());
        Nano.sum(y, new int[] {0}, true).backward(Nano.tensor(new double[] {1, 2, 3}, 1, 3));
        Expect.values(y.grad(), new int[] {2, 3}, 1, 2, 3, 1, 2, 3);
    }

    @Test
    void meanValuesAndGradient() {
        Expect.values(Nano.mean(grid()), new int[] {}, 3.5);
        Expect.values(Nano.mean(grid(), new int[] {0}, false), new int[] {3}, 2.5, 3.5, 4.5);
        Expect.values(Nano.mean(grid(), new int[] {1}, true), new int[] {2, 1}, 2, 5);

        Tensor x = leaf(grid());
        Nano.mean(x).backward();
        Expect.values(x.grad(), new int[] {2, 3}, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0);

        Tensor y = leaf(grid());
        Nano.mean(y, new int[] {-1}, false).backward(Nano.tensor(3, 6));
        Expect.values(y.grad(), new int[] {2, 3}, 1, 1, 1, 2, 2, 2);
    }

    @Test
    void zeroDimTensorReducesToItself() {
        Tensor x = leaf(Nano.scalar(3));
        Tensor s = Nano.sum(x, new int[] {0}, true);
        Expect.values(s, new int[] {}, 3);
        s.backward();
        Expect.values(x.grad(), new int[] {}, 1);
        Expect.values(Nano.mean(Nano.scalar(3), new int[] {-1}, false), new int[] {}, 3);
    }

    @Test
    void emptyTensors() {
        // sum of nothing is 0; mean of nothing is 0/0 = NaN, as in PyTorch.
        Expect.values(Nano.sum(Nano.zeros(0)), new int[] {}, 0);
        Expect.values(Nano.mean(Nano.zeros(0)), new int[] {}, Double.NaN);
        Expect.values(Nano.sum(Nano.zeros(2, 0), new int[] {1}, false), new int[] {2}, 0, 0);
        Expect.values(Nano.mean(Nano.zeros(2, 0), new int[] {1}, true), new int[] {2, 1}, Double.NaN, Double.NaN);
        Expect.values(Nano.sum(Nano.zeros(0, 3), new int[] {1}, false), new int[] {0});
        Expect.values(Nano.mean(Nano.zeros(0, 3), new int[] {0}, false), new int[] {3}, Double.NaN, Double.NaN,
                Double.NaN);
    }

    @Test
    void emptyTensorGradientIsEmpty() {
        Tensor x = leaf(Nano.zeros(0, 3));
        Nano.mean(x).backward();
        Expect.values(x.grad(), new int[] {0, 3});
    }

    @Test
    void integerInputsAreRefused() {
        // PyTorch's sum of int64 is int64 and its mean of bool an error: nano refuses both and
        // computes once the input is converted.
        Tensor ints = Nano.longTensor(new long[] {1, 2, 4}, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.sum(ints));
        assertTrue(e.getMessage().startsWith("sum: got only torch.int64 inputs"), e.getMessage());
        Tensor s = Nano.sum(ints.toFloat64());
        assertEquals(DType.FLOAT64, s.dtype());
        Expect.values(s, new int[] {}, 7);
        Tensor mask = Nano.boolTensor(new boolean[] {true, false, true, true}, 4);
        assertThrows(IllegalArgumentException.class, () -> Nano.mean(mask));
        Expect.values(Nano.mean(mask.toFloat64()), new int[] {}, 0.75);
    }

    @Test
    void nodeNamesFollowPyTorchOverloads() {
        Tensor x = leaf(grid());
        assertEquals("SumBackward0", Nano.sum(x).gradFn().name());
        assertEquals("SumBackward1", Nano.sum(x, new int[] {0}, false).gradFn().name());
        assertEquals("MeanBackward0", Nano.mean(x).gradFn().name());
        assertEquals("MeanBackward1", Nano.mean(x, new int[] {1}, true).gradFn().name());
    }

    @Test
    void dimOutOfRangeFails() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.sum(grid(), new int[] {2}, false));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
        IndexOutOfBoundsException scalar = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.mean(Nano.scalar(1), new int[] {1}, false));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", scalar.getMessage());
    }

    @Test
    void dimNamedTwiceFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.sum(grid(), new int[] {1, -1}, false));
        assertEquals("dim 1 appears multiple times in the list of dims", e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> Nano.mean(grid(), new int[] {0, 0}, true));
        assertEquals("dim 0 appears multiple times in the list of dims", m.getMessage());
    }

    @Test
    void zeroDimTensorNamingDimZeroTwiceFails() {
        // 0 and -1 both wrap to dim 0 of a 0-d tensor: torch.tensor(3.).sum((0, -1)) fails.
        for (int[] dims : new int[][] {{0, -1}, {0, 0}, {-1, -1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Nano.sum(Nano.scalar(3), dims, false));
            assertEquals("dim 0 appears multiple times in the list of dims", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Nano.var(Nano.scalar(3), new int[] {0, -1}, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Nano.amax(Nano.scalar(3), new int[] {-1, 0}, true));
        assertThrows(IllegalArgumentException.class, () -> Nano.logsumexp(Nano.scalar(3), new int[] {0, 0}, true));
        // One of them is fine, and out of range is still out of range.
        Expect.values(Nano.sum(Nano.scalar(3), new int[] {-1}, true), new int[] {}, 3);
        assertThrows(IndexOutOfBoundsException.class, () -> Nano.sum(Nano.scalar(3), new int[] {0, 1}, false));
    }
}
