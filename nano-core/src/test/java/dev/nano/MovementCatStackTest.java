package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.nano.MovementShapeTest.arange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** cat and stack. */
class MovementCatStackTest {

    private static Tensor[] random(int[]... shapes) {
        Tensor[] tensors = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            tensors[i] = GradCheck.uniform(100 + i, -2, 2, shapes[i]);
        }
        return tensors;
    }

    static Stream<Arguments> catCases() {
        return Stream.of(
                arguments("(2,3)+(1,3) dim 0", 0, random(new int[] {2, 3}, new int[] {1, 3})),
                arguments("(2,3)+(2,1)+(2,2) dim 1", 1, random(new int[] {2, 3}, new int[] {2, 1}, new int[] {2, 2})),
                arguments("(2,3)+(2,2) dim -1", -1, random(new int[] {2, 3}, new int[] {2, 2})),
                arguments("(2,3)+(4,3) dim -2", -2, random(new int[] {2, 3}, new int[] {4, 3})),
                arguments("(2,1,3)+(2,2,3) dim 1", 1, random(new int[] {2, 1, 3}, new int[] {2, 2, 3})),
                arguments("(2,3,1)+(2,3,2) dim 2", 2, random(new int[] {2, 3, 1}, new int[] {2, 3, 2})),
                arguments("(3,)+(2,) dim 0", 0, random(new int[] {3}, new int[] {2})),
                arguments("(2,3)+(0,3) dim 0 (empty piece)", 0, random(new int[] {2, 3}, new int[] {0, 3})),
                arguments("(0,)+(2,3) dim 1 (legacy skip)", 1, random(new int[] {0}, new int[] {2, 3})),
                arguments("(2,3) alone", 1, random(new int[] {2, 3})));
    }

    @ParameterizedTest(name = "cat {0}")
    @MethodSource("catCases")
    void catGradientMatchesFiniteDifferences(String name, int dim, Tensor[] inputs) {
        GradCheck.check("cat " + name, in -> Nano.cat(in, dim), inputs);
    }

    static Stream<Arguments> stackCases() {
        return Stream.of(
                arguments("(3,) x2 dim 0", 0, random(new int[] {3}, new int[] {3})),
                arguments("(3,) x3 dim 1", 1, random(new int[] {3}, new int[] {3}, new int[] {3})),
                arguments("(3,) x2 dim -1", -1, random(new int[] {3}, new int[] {3})),
                arguments("(2,3) x2 dim 1", 1, random(new int[] {2, 3}, new int[] {2, 3})),
                arguments("(2,3) x2 dim -3", -3, random(new int[] {2, 3}, new int[] {2, 3})),
                arguments("(2,3) x2 dim 2", 2, random(new int[] {2, 3}, new int[] {2, 3})),
                arguments("0-d x3 dim 0", 0, random(new int[0], new int[0], new int[0])),
                arguments("(0,2) x2 dim 1", 1, random(new int[] {0, 2}, new int[] {0, 2})));
    }

    @ParameterizedTest(name = "stack {0}")
    @MethodSource("stackCases")
    void stackGradientMatchesFiniteDifferences(String name, int dim, Tensor[] inputs) {
        GradCheck.check("stack " + name, in -> Nano.stack(in, dim), inputs);
    }

    @Test
    void catValues() {
        Tensor a = Nano.tensor(new double[][] {{1, 2}});
        Tensor b = Nano.tensor(new double[][] {{3, 4}, {5, 6}});
        Expect.values(Nano.cat(List.of(a, b), 0), new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Tensor c = Nano.tensor(new double[] {1, 2}, 2, 1);
        Expect.values(Nano.cat(List.of(c, b), 1), new int[] {2, 3}, 1, 3, 4, 2, 5, 6);
        Expect.values(Nano.cat(List.of(c, b), -1), new int[] {2, 3}, 1, 3, 4, 2, 5, 6);
    }

    @Test
    void catSkipsOneDimEmptyTensors() {
        Tensor b = Nano.tensor(new double[][] {{3, 4}, {5, 6}});
        Expect.values(Nano.cat(List.of(Nano.zeros(0), b, Nano.zeros(0)), 1), new int[] {2, 2}, 3, 4, 5, 6);
        Expect.values(Nano.cat(List.of(Nano.zeros(0), Nano.zeros(0)), 3), new int[] {0});
    }

    @Test
    void catPromotesMixedTypes() {
        Tensor ints = Nano.longTensor(new long[] {1, 2}, 2);
        assertEquals(DType.INT64, Nano.cat(List.of(ints, ints), 0).dtype());
        assertEquals(DType.FLOAT64, Nano.cat(List.of(ints, Nano.tensor(3)), 0).dtype());
    }

    @Test
    void catGradientIsCutIntoPieces() {
        Tensor a = Nano.zeros(2, 1).requiresGrad(true);
        Tensor b = Nano.zeros(2, 2).requiresGrad(true);
        Nano.cat(List.of(a, b), 1).backward(Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        Expect.values(a.grad(), new int[] {2, 1}, 1, 4);
        Expect.values(b.grad(), new int[] {2, 2}, 2, 3, 5, 6);
    }

    @Test
    void stackValues() {
        Tensor a = Nano.tensor(1, 2, 3);
        Tensor b = Nano.tensor(4, 5, 6);
        Expect.values(Nano.stack(List.of(a, b), 0), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Expect.values(Nano.stack(List.of(a, b), 1), new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
        Expect.values(Nano.stack(List.of(a, b), -1), new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
        Expect.values(Nano.stack(List.of(Nano.scalar(7), Nano.scalar(8)), 0), new int[] {2}, 7, 8);
    }

    @Test
    void stackGradientIsUnbound() {
        Tensor a = Nano.zeros(3).requiresGrad(true);
        Tensor b = Nano.zeros(3).requiresGrad(true);
        Nano.stack(List.of(a, b), 1).backward(Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Expect.values(a.grad(), new int[] {3}, 1, 3, 5);
        Expect.values(b.grad(), new int[] {3}, 2, 4, 6);
    }

    @Test
    void nodeNames() {
        Tensor a = Nano.ones(2).requiresGrad(true);
        assertEquals("CatBackward0", Nano.cat(List.of(a, a), 0).gradFn().name());
        assertEquals("StackBackward0", Nano.stack(List.of(a, a), 0).gradFn().name());
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void catOfMismatchedSizes() {
        assertFails(IllegalArgumentException.class, "Sizes of tensors must match except in dimension 1. Expected size "
                + "3 but got size 4 for tensor number 1 in the list.",
                () -> Nano.cat(List.of(arange(3, 2), arange(4, 2)), 1));
    }

    @Test
    void catOfMismatchedRanks() {
        assertFails(IllegalArgumentException.class, "Tensors must have same number of dimensions: got 2 and 3",
                () -> Nano.cat(List.of(arange(3, 2), arange(3, 2, 1)), 0));
    }

    @Test
    void catOfNothing() {
        assertFails(IllegalArgumentException.class, "torch.cat(): expected a non-empty list of Tensors",
                () -> Nano.cat(List.of(), 0));
    }

    @Test
    void catOfAScalar() {
        assertFails(IllegalArgumentException.class, "zero-dimensional tensor (at position 1) cannot be concatenated",
                () -> Nano.cat(List.of(Nano.tensor(1), Nano.scalar(2)), 0));
    }

    @Test
    void catWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                () -> Nano.cat(List.of(arange(3, 2), arange(3, 2)), 2));
    }

    @Test
    void stackOfMismatchedShapes() {
        assertFails(IllegalArgumentException.class,
                "stack expects each tensor to be equal size, but got [3] at entry 0 and [4] at entry 1",
                () -> Nano.stack(List.of(arange(3), arange(4)), 0));
    }

    @Test
    void stackOfNothing() {
        assertFails(IllegalArgumentException.class, "stack expects a non-empty TensorList",
                () -> Nano.stack(List.of(), 0));
    }

    @Test
    void stackWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                () -> Nano.stack(List.of(arange(3), arange(3)), 2));
    }
}
