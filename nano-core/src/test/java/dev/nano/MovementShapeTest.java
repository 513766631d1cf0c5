package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** reshape, view, flatten, squeeze, unsqueeze, clone: same elements, new shape. */
class MovementShapeTest {

    /** 0, 1, 2, ... laid out in {@code shape}. */
    static Tensor arange(int... shape) {
        double[] data = new double[Shape.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return new Tensor(data, shape);
    }

    private static Arguments gradCase(String name, Function<Tensor, Tensor> op, int... shape) {
        return arguments(name, op, shape);
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                gradCase("reshape (2,3,4) -> (4,-1)", x -> x.reshape(4, -1), 2, 3, 4),
                gradCase("reshape (6,) -> (3,2)", x -> x.reshape(3, 2), 6),
                gradCase("reshape 0-d -> (1,)", x -> x.reshape(1), new int[0]),
                gradCase("reshape (1,1) -> 0-d", x -> x.reshape(), 1, 1),
                gradCase("reshape empty (0,3) -> (3,-1)", x -> x.reshape(3, -1), 0, 3),
                gradCase("view (2,6) -> (3,2,2)", x -> x.view(3, 2, 2), 2, 6),
                gradCase("view (2,6) -> (-1,)", x -> x.view(-1), 2, 6),
                gradCase("flatten (2,3,4) all", Tensor::flatten, 2, 3, 4),
                gradCase("flatten (2,3,4) dims 1..2", x -> x.flatten(1, 2), 2, 3, 4),
                gradCase("flatten (2,3,4) dims -3..-2", x -> x.flatten(-3, -2), 2, 3, 4),
                gradCase("flatten 0-d", Tensor::flatten, new int[0]),
                gradCase("flatten (2,3) dims 1..1 (identity)", x -> x.flatten(1, 1), 2, 3),
                gradCase("squeeze (1,3,1,2)", Tensor::squeeze, 1, 3, 1, 2),
                gradCase("squeeze (1,3,1,2) dim -2", x -> x.squeeze(-2), 1, 3, 1, 2),
                gradCase("squeeze (1,3,1,2) dims {0,1}", x -> x.squeeze(new int[] {0, 1}), 1, 3, 1, 2),
                gradCase("squeeze 0-d", Tensor::squeeze, new int[0]),
                gradCase("squeeze empty (0,1)", Tensor::squeeze, 0, 1),
                gradCase("unsqueeze (2,3) dim 0", x -> x.unsqueeze(0), 2, 3),
                gradCase("unsqueeze (2,3) dim 2", x -> x.unsqueeze(2), 2, 3),
                gradCase("unsqueeze (2,3) dim -2", x -> x.unsqueeze(-2), 2, 3),
                gradCase("unsqueeze 0-d", x -> x.unsqueeze(-1), new int[0]),
                gradCase("clone (2,3)", Tensor::cloneTensor, 2, 3),
                gradCase("clone 0-d", Tensor::cloneTensor, new int[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor, Tensor> op, int[] shape) {
        GradCheck.check(name, in -> op.apply(in[0]), GradCheck.uniform(11, -2, 2, shape));
    }

    @Test
    void reshapeKeepsRowMajorOrder() {
        Tensor y = arange(2, 3).reshape(3, -1);
        Expect.values(y, new int[] {3, 2}, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void reshapeInfersFromEmptyTensors() {
        Expect.values(arange(0, 3).reshape(-1, 3), new int[] {0, 3});
        Expect.values(arange(0, 3).reshape(3, -1), new int[] {3, 0});
        Expect.values(arange(0, 3).reshape(0, 0), new int[] {0, 0});
    }

    @Test
    void reshapeKeepsTheElementType() {
        Tensor index = Nano.longTensor(new long[] {2, 0, 1, 1}, 4);
        assertEquals(DType.INT64, index.reshape(2, 2).dtype());
    }

    @Test
    void nodeNames() {
        Tensor x = arange(1, 3, 1).requiresGrad(true);
        assertEquals("ViewBackward0", x.reshape(3).gradFn().name());
        assertEquals("ViewBackward0", x.view(3).gradFn().name());
        assertEquals("ViewBackward0", x.flatten().gradFn().name());
        assertEquals("SqueezeBackward0", x.squeeze().gradFn().name());
        assertEquals("SqueezeBackward1", x.squeeze(0).gradFn().name());
        assertEquals("SqueezeBackward2", x.squeeze(new int[] {0, 2}).gradFn().name());
        assertEquals("UnsqueezeBackward0", x.unsqueeze(0).gradFn().name());
        assertEquals("CloneBackward0", x.cloneTensor().gradFn().name());
    }

    @Test
    void flattenShapes() {
        Tensor x = arange(2, 3, 4);
        Expect.values(x.flatten(), new int[] {24}, x.data());
        Expect.values(x.flatten(1, 2), new int[] {2, 12}, x.data());
        Expect.values(x.flatten(-3, -2), new int[] {6, 4}, x.data());
        Expect.values(arange(0, 1, 3, 0).flatten(1, 2), new int[] {0, 3, 0});
        Expect.values(Nano.scalar(7).flatten(), new int[] {1}, 7);
    }

    @Test
    void flattenOfASingleDimReturnsTheInputItself() {
        Tensor x = arange(2, 3);
        assertSame(x, x.flatten(1, 1));
        assertSame(x, x.flatten(-2, 0));
    }

    @Test
    void squeezeShapes() {
        Tensor x = arange(1, 3, 1, 2);
        Expect.values(x.squeeze(), new int[] {3, 2}, x.data());
        // dim 1 has size 3: named but left alone, without an error
        Expect.values(x.squeeze(new int[] {0, 1}), new int[] {3, 1, 2}, x.data());
        Expect.values(x.squeeze(-2), new int[] {1, 3, 2}, x.data());
        Expect.values(x.squeeze(new int[0]), new int[] {1, 3, 1, 2}, x.data());
        Expect.values(Nano.scalar(4).squeeze(0), new int[0], 4);
        Expect.values(Nano.scalar(4).squeeze(), new int[0], 4);
    }

    @Test
    void unsqueezeShapes() {
        Tensor x = arange(2, 3);
        Expect.values(x.unsqueeze(0), new int[] {1, 2, 3}, x.data());
        Expect.values(x.unsqueeze(1), new int[] {2, 1, 3}, x.data());
        Expect.values(x.unsqueeze(2), new int[] {2, 3, 1}, x.data());
        Expect.values(x.unsqueeze(-1), new int[] {2, 3, 1}, x.data());
        Expect.values(x.unsqueeze(-3), new int[] {1, 2, 3}, x.data());
        Expect.values(Nano.scalar(5).unsqueeze(0), new int[] {1}, 5);
    }

    @Test
    void gradientOfReshapeIsTheUpstreamGradientReshaped() {
        Tensor x = arange(2, 3).requiresGrad(true);
        x.reshape(3, 2).backward(Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Expect.values(x.grad(), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void cloneCopiesTheData() {
        Tensor x = Nano.tensor(1, 2);
        Tensor y = x.cloneTensor();
        y.data()[0] = 9;
        Expect.values(x, new int[] {2}, 1, 2);
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void reshapeToTheWrongNumberOfElements() {
        assertFails(IllegalArgumentException.class, "shape '[3, 5]' is invalid for input of size 12",
                () -> arange(3, 4).reshape(3, 5));
        assertFails(IllegalArgumentException.class, "shape '[-1, 5]' is invalid for input of size 12",
                () -> arange(3, 4).reshape(-1, 5));
        assertFails(IllegalArgumentException.class, "shape '[-1, 0]' is invalid for input of size 12",
                () -> arange(3, 4).view(-1, 0));
    }

    @Test
    void reshapeWithTwoInferredDims() {
        assertFails(IllegalArgumentException.class, "only one dimension can be inferred",
                () -> arange(3, 4).reshape(-1, -1));
    }

    @Test
    void reshapeOfAnEmptyTensorWithAnAmbiguousInferredDim() {
        assertFails(IllegalArgumentException.class, "cannot reshape tensor of 0 elements into shape [-1, 0] because "
                + "the unspecified dimension size -1 can be any value and is ambiguous",
                () -> arange(0, 3).reshape(-1, 0));
    }

    @Test
    void reshapeWithANegativeSize() {
        assertFails(IllegalArgumentException.class, "invalid shape dimension -2 at index 0 of shape [-2, 6]",
                () -> arange(3, 4).reshape(-2, 6));
    }

    @Test
    void flattenWithStartAfterEnd() {
        assertFails(IllegalArgumentException.class, "flatten() has invalid args: start_dim cannot come after end_dim",
                () -> arange(2, 3, 4).flatten(2, 1));
    }

    @Test
    void flattenWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                () -> arange(2, 3, 4).flatten(0, 3));
    }

    @Test
    void squeezeWithARepeatedDim() {
        assertFails(IllegalArgumentException.class, "dim 2 appears multiple times in the list of dims",
                () -> arange(1, 3, 1, 2).squeeze(new int[] {2, -2}));
    }

    @Test
    void squeezeWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                () -> arange(1, 3).squeeze(2));
    }

    @Test
    void unsqueezeWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                () -> arange(2, 3).unsqueeze(3));
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                () -> Nano.scalar(1).unsqueeze(1));
    }
}
