package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static dev.nano.MovementShapeTest.arange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** transpose, permute, t, expand. */
class MovementAxesTest {

    private static Arguments gradCase(String name, Function<Tensor, Tensor> op, int... shape) {
        return arguments(name, op, shape);
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                gradCase("transpose (2,3) 0,1", x -> x.transpose(0, 1), 2, 3),
                gradCase("transpose (2,3,4) 0,2", x -> x.transpose(0, 2), 2, 3, 4),
                gradCase("transpose (2,3,4) -1,-2", x -> x.transpose(-1, -2), 2, 3, 4),
                gradCase("transpose (2,3,4) 1,1", x -> x.transpose(1, 1), 2, 3, 4),
                gradCase("transpose 0-d", x -> x.transpose(0, -1), new int[0]),
                gradCase("transpose empty (0,3)", x -> x.transpose(0, 1), 0, 3),
                gradCase("permute (2,3,4) 2,0,1", x -> x.permute(2, 0, 1), 2, 3, 4),
                gradCase("permute (2,3,4) -1,-3,-2", x -> x.permute(-1, -3, -2), 2, 3, 4),
                gradCase("permute (2,1,3,2) 3,1,0,2", x -> x.permute(3, 1, 0, 2), 2, 1, 3, 2),
                gradCase("permute 0-d", x -> x.permute(), new int[0]),
                gradCase("t (2,3)", Tensor::t, 2, 3),
                gradCase("t (3,)", Tensor::t, 3),
                gradCase("t 0-d", Tensor::t, new int[0]),
                gradCase("expand (3,) -> (2,3)", x -> x.expand(2, 3), 3),
                gradCase("expand (3,1) -> (2,-1,4)", x -> x.expand(2, -1, 4), 3, 1),
                gradCase("expand (1,2,1) -> (3,2,5)", x -> x.expand(3, 2, 5), 1, 2, 1),
                gradCase("expand 0-d -> (2,3)", x -> x.expand(2, 3), new int[0]),
                gradCase("expand (2,3) -> (-1,-1)", x -> x.expand(-1, -1), 2, 3),
                gradCase("expand (1,) -> (0,)", x -> x.expand(0), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor, Tensor> op, int[] shape) {
        GradCheck.check(name, in -> op.apply(in[0]), GradCheck.uniform(23, -2, 2, shape));
    }

    @Test
    void transposeOfAMatrix() {
        // [[0, 1, 2], [3, 4, 5]] -> [[0, 3], [1, 4], [2, 5]]
        Expect.values(arange(2, 3).transpose(0, 1), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
        Expect.values(arange(2, 3).transpose(-1, 0), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
        Expect.values(arange(2, 3).t(), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
    }

    @Test
    void transposeOfTheOuterDimsOfA3dTensor() {
        // x[i][j][k] = 6i + 3j + k with shape (2,2,3); y = x.transpose(0, 1): y[j][i][k] = x[i][j][k].
        Expect.values(arange(2, 2, 3).transpose(0, 1), new int[] {2, 2, 3},
                0, 1, 2, 6, 7, 8,
                3, 4, 5, 9, 10, 11);
    }

    @Test
    void permuteMovesTheLastDimToTheFront() {
        // x[j][k][i] = 12j + 4k + i with shape (2,3,4); y = x.permute(2, 0, 1): y[i][j][k] = x[j][k][i].
        double[] expected = {
            0, 4, 8, 12, 16, 20,
            1, 5, 9, 13, 17, 21,
            2, 6, 10, 14, 18, 22,
            3, 7, 11, 15, 19, 23};
        Expect.values(arange(2, 3, 4).permute(2, 0, 1), new int[] {4, 2, 3}, expected);
        Expect.values(arange(2, 3, 4).permute(-1, 0, -2), new int[] {4, 2, 3}, expected);
    }

    @Test
    void gradientOfPermuteIsTheInversePermutation() {
        Tensor x = arange(2, 3).requiresGrad(true);
        // y = x.t() has shape (3,2); upstream g[r][c] = 10r + c  ->  dx[c][r] = 10r + c
        x.permute(1, 0).backward(Nano.tensor(new double[] {0, 1, 10, 11, 20, 21}, 3, 2));
        Expect.values(x.grad(), new int[] {2, 3}, 0, 10, 20, 1, 11, 21);
    }

    @Test
    void nodeNames() {
        Tensor x = arange(2, 3).requiresGrad(true);
        assertEquals("TransposeBackward0", x.transpose(0, 1).gradFn().name());
        assertEquals("PermuteBackward0", x.permute(1, 0).gradFn().name());
        assertEquals("TBackward0", x.t().gradFn().name());
        assertEquals("ExpandBackward0", x.expand(4, 2, 3).gradFn().name());
    }

    @Test
    void zeroAndOneDimTransposesAreTheInputValues() {
        Expect.values(Nano.scalar(3).t(), new int[0], 3);
        Expect.values(Nano.tensor(1, 2, 3).t(), new int[] {3}, 1, 2, 3);
        Expect.values(Nano.scalar(3).transpose(-1, 0), new int[0], 3);
    }

    @Test
    void expandRepeatsSizeOneDims() {
        Expect.values(Nano.tensor(1, 2, 3).expand(2, 3), new int[] {2, 3}, 1, 2, 3, 1, 2, 3);
        // (3,1) -> (2,3,2): each row value repeated along the last dim, the whole repeated twice
        Expect.values(Nano.tensor(new double[] {1, 2, 3}, 3, 1).expand(2, -1, 2), new int[] {2, 3, 2},
                1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3);
        Expect.values(Nano.scalar(5).expand(2, 2), new int[] {2, 2}, 5, 5, 5, 5);
        Expect.values(Nano.tensor(5).expand(0), new int[] {0});
    }

    @Test
    void gradientOfExpandSumsOverTheExpandedDims() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3}, 3, 1).requiresGrad(true);
        // 2 copies along the new leading dim times 4 along the last: each element is read 8 times
        x.expand(2, 3, 4).backward(Nano.ones(2, 3, 4));
        Expect.values(x.grad(), new int[] {3, 1}, 8, 8, 8);

        Tensor s = Nano.scalar(1).requiresGrad(true);
        s.expand(2, 2).backward(Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2));
        Expect.values(s.grad(), new int[0], 10);
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void permuteWithTheWrongNumberOfDims() {
        assertFails(IllegalArgumentException.class, "permute(sparse_coo): number of dimensions in the tensor input "
                + "does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal "
                + "to len(dims) = 3", () -> arange(2, 3).permute(0, 1, 2));
    }

    @Test
    void permuteWithARepeatedDim() {
        assertFails(IllegalArgumentException.class, "permute(): duplicate dims are not allowed.",
                () -> arange(2, 3, 4).permute(0, 2, -1));
    }

    @Test
    void permuteWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                () -> arange(2, 3, 4).permute(3, 0, 1));
    }

    @Test
    void transposeWithADimOutOfRange() {
        assertFails(IndexOutOfBoundsException.class,
                "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                () -> arange(2, 3).transpose(-3, 0));
    }

    @Test
    void tOfA3dTensor() {
        assertFails(IllegalArgumentException.class, "t() expects a tensor with <= 2 dimensions, but self is 3D",
                () -> arange(2, 3, 4).t());
    }

    @Test
    void expandANonSingletonDim() {
        assertFails(IllegalArgumentException.class, "The expanded size of the tensor (4) must match the existing size "
                + "(3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]",
                () -> Nano.tensor(1, 2, 3).expand(2, 4));
    }

    @Test
    void expandToFewerDims() {
        assertFails(IllegalArgumentException.class, "expand(CPUDoubleType{[2, 3]}, size=[3]): the number of sizes "
                + "provided (1) must be greater or equal to the number of dimensions in the tensor (2)",
                () -> arange(2, 3).expand(3));
    }

    @Test
    void expandWithMinusOneInANewDim() {
        assertFails(IllegalArgumentException.class, "The expanded size of the tensor (-1) isn't allowed in a leading, "
                + "non-existing dimension 0", () -> Nano.tensor(1, 2, 3).expand(-1, 3));
    }
}
