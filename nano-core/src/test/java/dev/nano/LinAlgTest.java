package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The strict forms: mm (2-D only), dot (1-D only), t (at most 2-D). */
class LinAlgTest {

    static Stream<Arguments> mmCases() {
        return Stream.of(
                arguments("(2,3) mm (3,4)", new int[] {2, 3}, new int[] {3, 4}),
                arguments("(1,1) mm (1,5)", new int[] {1, 1}, new int[] {1, 5}),
                arguments("(3,0) mm (0,2)", new int[] {3, 0}, new int[] {0, 2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mmCases")
    void mmGradient(String name, int[] a, int[] b) {
        GradCheck.check(name, in -> in[0].mm(in[1]), GradCheck.uniform(4, -1, 1, a), GradCheck.uniform(5, -1, 1, b));
    }

    @Test
    void dotGradient() {
        GradCheck.check("dot (5,)", in -> in[0].dot(in[1]),
                GradCheck.uniform(6, -1, 1, 5), GradCheck.uniform(7, -1, 1, 5));
    }

    @Test
    void dotGradientIsTheOtherVectorTimesTheUpstreamGradient() {
        Tensor a = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor b = Nano.tensor(4, 5, 6).requiresGrad(true);
        Tensor y = a.dot(b);
        Expect.values(y, new int[0], 32);
        y.backward(Nano.scalar(2));
        Expect.values(a.grad(), new int[] {3}, 8, 10, 12);
        Expect.values(b.grad(), new int[] {3}, 2, 4, 6);
    }

    @Test
    void mmValues() {
        Tensor a = Nano.tensor(new double[][] {{1, 0, 2}});
        Tensor b = Nano.tensor(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Expect.values(a.mm(b), new int[] {1, 2}, 11, 14);
        assertEquals("MmBackward0", a.requiresGrad(true).mm(b).gradFn().name());
    }

    @Test
    void tGradient() {
        GradCheck.check("t (3,2)", in -> in[0].t(), GradCheck.uniform(9, -1, 1, 3, 2));
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(String message, Runnable call) {
        RuntimeException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void mmNeedsMatrices() {
        assertFails("self must be a matrix", () -> Nano.ones(3).mm(Nano.ones(3, 2)));
        assertFails("mat2 must be a matrix", () -> Nano.ones(2, 3).mm(Nano.ones(3)));
        assertFails("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
                () -> Nano.ones(2, 3).mm(Nano.ones(4, 5)));
    }

    @Test
    void dotNeedsVectors() {
        assertFails("1D tensors expected, but got 2D and 2D tensors", () -> Nano.ones(2, 2).dot(Nano.ones(2, 2)));
        assertFails("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, "
                + "but got 3 and 4 elements respectively", () -> Nano.ones(3).dot(Nano.ones(4)));
    }

    @Test
    void tNeedsAtMostTwoDims() {
        assertFails("t() expects a tensor with <= 2 dimensions, but self is 3D", () -> Nano.ones(1, 2, 3).t());
    }
}
