package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** gather: values picked along a dim by an int64 index tensor. */
class MovementGatherTest {

    private static Tensor index(long[] values, int... shape) {
        return Nano.longTensor(values, shape);
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                arguments("(3,4) dim 1, index (3,2)", new int[] {3, 4}, 1,
                        index(new long[] {0, 3, 2, 2, 1, 0}, 3, 2)),
                arguments("(3,4) dim 0, index (2,4)", new int[] {3, 4}, 0,
                        index(new long[] {2, 0, 1, 2, 0, 0, 1, 1}, 2, 4)),
                arguments("(3,4) dim -1, index smaller along dim 0", new int[] {3, 4}, -1,
                        index(new long[] {3, 1, 0}, 1, 3)),
                arguments("(3,4) dim 1, repeated indices", new int[] {3, 4}, 1,
                        index(new long[] {1, 1, 1, 1, 0, 2, 0, 2, 3, 3, 3, 3}, 3, 4)),
                arguments("(2,3,4) dim 1", new int[] {2, 3, 4}, 1,
                        index(new long[] {0, 2, 1, 2, 1, 0, 2, 2}, 2, 1, 4)),
                arguments("(5,) dim 0, longer index", new int[] {5}, 0,
                        index(new long[] {4, 0, 4, 2, 1, 1, 3}, 7)),
                arguments("0-d", new int[0], 0, index(new long[] {0})),
                arguments("(3,4) empty index", new int[] {3, 4}, 1, index(new long[0], 3, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, int[] shape, int dim, Tensor index) {
        GradCheck.check(name, in -> in[0].gather(dim, in[1]), GradCheck.uniform(3, -2, 2, shape), index);
    }

    @Test
    void gatherAlongTheLastDim() {
        // torch.gather's documented example: out[i][j] = x[i][index[i][j]]
        Tensor x = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Expect.values(x.gather(1, index(new long[] {0, 0, 1, 0}, 2, 2)), new int[] {2, 2}, 1, 1, 4, 3);
    }

    @Test
    void gatherAlongTheFirstDim() {
        // out[i][j] = x[index[i][j]][j] with x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Expect.values(x.gather(0, index(new long[] {2, 0, 1, 0, 2, 2}, 2, 3)), new int[] {2, 3}, 7, 2, 6, 1, 8, 9);
        // an index smaller than x along dim 1: only the first column is used
        Expect.values(x.gather(-2, index(new long[] {1, 2}, 2, 1)), new int[] {2, 1}, 4, 7);
    }

    @Test
    void gatherOfAScalar() {
        Expect.values(Nano.scalar(7).gather(0, index(new long[] {0})), new int[0], 7);
    }

    @Test
    void gatherWithAnEmptyIndexNeedsNoValidIndexType() {
        Expect.values(Nano.ones(3, 4).gather(1, Nano.zeros(0, 9)), new int[] {0, 9});
    }

    @Test
    void repeatedIndicesAccumulateTheirGradients() {
        Tensor x = Nano.zeros(2, 3).requiresGrad(true);
        Tensor picked = x.gather(1, index(new long[] {0, 0, 2, 1, 1, 1}, 2, 3));
        picked.backward(Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        // row 0 picks columns 0, 0, 2: dx[0] = [1 + 2, 0, 3]; row 1 picks column 1 three times
        Expect.values(x.grad(), new int[] {2, 3}, 3, 0, 3, 0, 15, 0);
    }

    @Test
    void nodeNameAndIndexTypeArePreserved() {
        Tensor x = Nano.ones(2, 2).requiresGrad(true);
        Tensor y = x.gather(0, index(new long[] {1, 0}, 1, 2));
        assertEquals("GatherBackward0", y.gradFn().name());
        assertEquals(DType.FLOAT64, y.dtype());
        Tensor ints = Nano.longTensor(new long[] {5, 6, 7}, 3);
        assertEquals(DType.INT64, ints.gather(0, index(new long[] {2}, 1)).dtype());
    }

    @Test
    void theIndexGetsNoGradient() {
        Tensor x = Nano.ones(3).requiresGrad(true);
        Tensor idx = index(new long[] {1}, 1);
        x.gather(0, idx).backward(Nano.ones(1));
        assertNull(idx.grad());
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void indexOutOfBounds() {
        assertFails(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 1 with size 4",
                () -> Nano.ones(3, 4).gather(1, index(new long[] {0, 5}, 1, 2)));
    }

    @Test
    void negativeIndicesAreOutOfBounds() {
        assertFails(IndexOutOfBoundsException.class, "index -1 is out of bounds for dimension 1 with size 4",
                () -> Nano.ones(3, 4).gather(-1, index(new long[] {-1}, 1, 1)));
    }

    @Test
    void indexOfTheWrongType() {
        assertFails(IllegalArgumentException.class, "gather(): Expected dtype int64 for index",
                () -> Nano.ones(3, 4).gather(1, Nano.zeros(3, 1)));
    }

    @Test
    void indexOfAnotherRank() {
        assertFails(IllegalArgumentException.class,
                "Index tensor must have the same number of dimensions as input tensor",
                () -> Nano.ones(3, 4).gather(1, index(new long[] {0, 1}, 2)));
    }

    @Test
    void indexLargerThanTheInputAlongAnotherDim() {
        assertFails(IllegalArgumentException.class, "Size does not match at dimension 0 expected index [4, 2] to be "
                + "no larger than self [3, 4] apart from dimension 1",
                () -> Nano.ones(3, 4).gather(1, index(new long[8], 4, 2)));
    }

    @Test
    void dimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                () -> Nano.ones(3, 4).gather(2, index(new long[] {0}, 1, 1)));
    }

    /**
     * takeAlongDim: the indices broadcast against x in every other dim (PyTorch's documented
     * {@code take_along_dim(t, argmax(t, 1, keepdim=True), 1)} idiom), the flattened form, and the
     * gradient summed back over the broadcast dims, by finite differences (issue 25).
     */
    @Test
    void takeAlongDimBroadcastsAndDifferentiates() {
        Tensor t = Nano.tensor(new double[][] {{10, 30, 20}, {60, 40, 50}});
        Expect.values(t.takeAlongDim(t.argmax(1, true), 1), new int[] {2, 1}, 30, 60);
        Expect.values(t.takeAlongDim(index(new long[] {2, 0}, 1, 2), 1), new int[] {2, 2}, 20, 10, 50, 60);
        Expect.values(t.takeAlongDim(index(new long[] {5, 0}, 2)), new int[] {2}, 50, 10);
        GradCheck.check("takeAlongDim (3,4) dim 1 indices (1,6)", in -> in[0].takeAlongDim(in[1], 1),
                GradCheck.uniform(5, -2, 2, 3, 4), index(new long[] {0, 3, 3, 1, 2, 0}, 1, 6));
        GradCheck.check("takeAlongDim (2,1,4) dim 1 indices (2,5,1)", in -> in[0].takeAlongDim(in[1], 1),
                GradCheck.uniform(6, -2, 2, 2, 1, 4), index(new long[10], 2, 5, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> t.takeAlongDim(Nano.tensor(0.0, 1.0), 0));
        assertEquals("torch.take_along_dim(): input and indices should have the same number of dimensions, but got 2 "
                + "dimensions for input, and 1 dimensions for indices", e.getMessage());
    }
}
