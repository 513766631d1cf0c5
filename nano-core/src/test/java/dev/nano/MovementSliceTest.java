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

/** narrow, select and Python-style slicing ({@code index}). */
class MovementSliceTest {

    /** [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]] */
    private static Tensor x34() {
        return arange(3, 4);
    }

    private static Arguments gradCase(String name, Function<Tensor, Tensor> op, int... shape) {
        return arguments(name, op, shape);
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                gradCase("narrow (3,4) dim 1 from 1 len 2", x -> x.narrow(1, 1, 2), 3, 4),
                gradCase("narrow (3,4) dim 0 from -2 len 2", x -> x.narrow(0, -2, 2), 3, 4),
                gradCase("narrow (2,3,4) dim -1 from 3 len 1", x -> x.narrow(-1, 3, 1), 2, 3, 4),
                gradCase("narrow (3,4) empty at the end", x -> x.narrow(1, 4, 0), 3, 4),
                gradCase("select (3,4) dim 0 index 1", x -> x.select(0, 1), 3, 4),
                gradCase("select (3,4) dim -1 index -1", x -> x.select(-1, -1), 3, 4),
                gradCase("select (2,3,4) dim 1 index 2", x -> x.select(1, 2), 2, 3, 4),
                gradCase("select (5,) -> 0-d", x -> x.select(0, 3), 5),
                gradCase("index (3,4) [:, 1::2]", x -> x.index(Slice.all(), Slice.of(1, null, 2)), 3, 4),
                gradCase("index (3,4) [-2:]", x -> x.index(Slice.of(-2, null)), 3, 4),
                gradCase("index (3,4) [::2, -3:-1]", x -> x.index(Slice.of(null, null, 2), Slice.of(-3, -1)), 3, 4),
                gradCase("index (5,6) [1:-1:3, ::4]", x -> x.index(Slice.of(1, -1, 3), Slice.of(null, null, 4)), 5, 6),
                gradCase("index (2,3,4) [:, -100:100:2, 1:] (clamped)",
                        x -> x.index(Slice.all(), Slice.of(-100, 100, 2), Slice.of(1, null)), 2, 3, 4),
                gradCase("index (3,4) [5:] empty", x -> x.index(Slice.of(5, null)), 3, 4),
                gradCase("index (3,4) [2:1] empty", x -> x.index(Slice.of(2, 1)), 3, 4),
                gradCase("index (3,4) no slices", x -> x.index(new Slice[0]), 3, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor, Tensor> op, int[] shape) {
        GradCheck.check(name, in -> op.apply(in[0]), GradCheck.uniform(5, -2, 2, shape));
    }

    @Test
    void narrowValues() {
        Expect.values(x34().narrow(1, 1, 2), new int[] {3, 2}, 1, 2, 5, 6, 9, 10);
        Expect.values(x34().narrow(0, -2, 2), new int[] {2, 4}, 4, 5, 6, 7, 8, 9, 10, 11);
        Expect.values(x34().narrow(-1, 4, 0), new int[] {3, 0});
    }

    @Test
    void selectValues() {
        Expect.values(x34().select(0, 1), new int[] {4}, 4, 5, 6, 7);
        Expect.values(x34().select(1, -1), new int[] {3}, 3, 7, 11);
        Expect.values(Nano.tensor(5, 6, 7).select(0, -3), new int[0], 5);
    }

    @Test
    void slicingValues() {
        Expect.values(x34().index(Slice.all(), Slice.of(1, null, 2)), new int[] {3, 2}, 1, 3, 5, 7, 9, 11);
        Expect.values(x34().index(Slice.of(-2, null)), new int[] {2, 4}, 4, 5, 6, 7, 8, 9, 10, 11);
        Expect.values(x34().index(Slice.of(null, null, 2), Slice.of(-3, -1)), new int[] {2, 2}, 1, 2, 9, 10);
        Expect.values(x34().index(Slice.of(1, 3, 5)), new int[] {1, 4}, 4, 5, 6, 7);
        Expect.values(x34().index(Slice.of(-100, 100)), new int[] {3, 4}, x34().data());
    }

    @Test
    void slicingPastTheEndOrBackwardsIsEmpty() {
        Expect.values(x34().index(Slice.of(5, null)), new int[] {0, 4});
        Expect.values(x34().index(Slice.of(2, 1)), new int[] {0, 4});
        Expect.values(x34().index(Slice.all(), Slice.of(-1, -3)), new int[] {3, 0});
    }

    @Test
    void gradientOfASliceIsScatteredIntoZeros() {
        Tensor x = x34().requiresGrad(true);
        x.index(Slice.of(null, null, 2), Slice.of(1, 3))
                .backward(Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2));
        Expect.values(x.grad(), new int[] {3, 4},
                0, 1, 2, 0,
                0, 0, 0, 0,
                0, 3, 4, 0);
    }

    @Test
    void gradientOfSelect() {
        Tensor x = x34().requiresGrad(true);
        x.select(1, 2).backward(Nano.tensor(7, 8, 9));
        Expect.values(x.grad(), new int[] {3, 4}, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0);
    }

    @Test
    void nodeNames() {
        Tensor x = x34().requiresGrad(true);
        assertEquals("SliceBackward0", x.narrow(0, 0, 1).gradFn().name());
        assertEquals("SliceBackward0", x.index(Slice.of(1, null)).gradFn().name());
        assertEquals("SelectBackward0", x.select(0, 0).gradFn().name());
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void narrowPastTheEnd() {
        assertFails(IllegalArgumentException.class, "start (5) + length (2) exceeds dimension size (6).",
                () -> arange(6).narrow(0, 5, 2));
        // a negative start counts from the end: -1 is position 5
        assertFails(IllegalArgumentException.class, "start (5) + length (2) exceeds dimension size (6).",
                () -> arange(6).narrow(0, -1, 2));
    }

    @Test
    void narrowWithAStartOutOfRange() {
        assertFails(IndexOutOfBoundsException.class, "start out of range (expected to be in range of [-4, 4], but got 5)",
                () -> x34().narrow(1, 5, 0));
        assertFails(IndexOutOfBoundsException.class,
                "start out of range (expected to be in range of [-3, 3], but got -4)",
                () -> x34().narrow(0, -4, 1));
    }

    @Test
    void narrowWithANegativeLength() {
        assertFails(IllegalArgumentException.class, "narrow(): length must be non-negative.",
                () -> x34().narrow(0, 0, -1));
    }

    @Test
    void narrowOfAScalar() {
        assertFails(IllegalArgumentException.class, "narrow() cannot be applied to a 0-dim tensor.",
                () -> Nano.scalar(1).narrow(0, 0, 1));
    }

    /** torch.select's own words (TORCH_CHECK_INDEX in aten's select). */
    @Test
    void selectOutOfRange() {
        assertFails(IndexOutOfBoundsException.class, "select(): index 5 out of range for tensor of size [3, 4] at "
                + "dimension 0", () -> x34().select(0, 5));
        assertFails(IndexOutOfBoundsException.class, "select(): index -5 out of range for tensor of size [3, 4] at "
                + "dimension 1", () -> x34().select(-1, -5));
    }

    @Test
    void selectOfAScalar() {
        assertFails(IndexOutOfBoundsException.class, "select() cannot be applied to a 0-dim tensor.",
                () -> Nano.scalar(1).select(0, 0));
    }

    @Test
    void sliceWithANonPositiveStep() {
        assertFails(IllegalArgumentException.class, "step must be greater than zero",
                () -> x34().index(Slice.of(null, null, 0)));
        assertFails(IllegalArgumentException.class, "step must be greater than zero",
                () -> x34().index(Slice.all(), Slice.of(null, null, -1)));
    }

    @Test
    void tooManySlices() {
        assertFails(IndexOutOfBoundsException.class, "too many indices for tensor of dimension 2",
                () -> x34().index(Slice.all(), Slice.all(), Slice.all()));
        assertFails(IndexOutOfBoundsException.class, "slice() cannot be applied to a 0-dim tensor.",
                () -> Nano.scalar(1).index(Slice.all()));
    }

    /** {@code narrow} with a 0-d int64 tensor start, and {@code linspace} with 0-d tensor bounds (issue 25). */
    @Test
    void narrowAndLinspaceTakeZeroDimTensors() {
        Tensor x = Nano.tensor(10.0, 11.0, 12.0, 13.0, 14.0);
        Expect.values(x.narrow(0, Nano.longTensor(new long[] {1}), 3), new int[] {3}, 11, 12, 13);
        Expect.values(x.narrow(0, Nano.longTensor(new long[] {-2}), 2), new int[] {2}, 13, 14);
        var e = assertThrows(IllegalArgumentException.class, () -> x.narrow(0, Nano.scalar(1), 2));
        assertEquals("start must be an 0-dim integral Tensor.", e.getMessage());
        Expect.values(Nano.linspace(Nano.scalar(0), Nano.scalar(1), 5), new int[] {5}, 0, 0.25, 0.5, 0.75, 1);
        var e2 = assertThrows(IllegalArgumentException.class, () -> Nano.linspace(Nano.tensor(0.0), Nano.scalar(1), 3));
        assertEquals("linspace only supports 0-dimensional start and end tensors, but got start with 1 dimension(s) "
                + "and end with 0 dimension(s).", e2.getMessage());
    }
}
