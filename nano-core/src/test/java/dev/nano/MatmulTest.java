package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.nano.MovementShapeTest.arange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** matmul in every rank combination, with broadcast batch dims. */
class MatmulTest {

    private static Arguments shapes(int[] a, int[] b, int[] out) {
        return arguments(Shape.toString(a) + " @ " + Shape.toString(b) + " -> " + Shape.toString(out), a, b, out);
    }

    static Stream<Arguments> shapeCases() {
        return Stream.of(
                shapes(new int[] {4}, new int[] {4}, new int[0]),
                shapes(new int[] {2, 3}, new int[] {3}, new int[] {2}),
                shapes(new int[] {3}, new int[] {3, 4}, new int[] {4}),
                shapes(new int[] {2, 3}, new int[] {3, 4}, new int[] {2, 4}),
                shapes(new int[] {2, 3, 4}, new int[] {4}, new int[] {2, 3}),
                shapes(new int[] {3}, new int[] {2, 3, 4}, new int[] {2, 4}),
                shapes(new int[] {2, 3, 4}, new int[] {4, 5}, new int[] {2, 3, 5}),
                shapes(new int[] {3, 4}, new int[] {2, 4, 5}, new int[] {2, 3, 5}),
                shapes(new int[] {2, 3, 4}, new int[] {2, 4, 5}, new int[] {2, 3, 5}),
                shapes(new int[] {1, 3, 4}, new int[] {2, 4, 5}, new int[] {2, 3, 5}),
                shapes(new int[] {2, 1, 3, 4}, new int[] {5, 4, 2}, new int[] {2, 5, 3, 2}),
                shapes(new int[] {2, 1, 2, 3}, new int[] {1, 3, 3, 2}, new int[] {2, 3, 2, 2}),
                shapes(new int[] {2, 2, 3}, new int[] {3}, new int[] {2, 2}),
                shapes(new int[] {0, 3}, new int[] {3, 2}, new int[] {0, 2}),
                shapes(new int[] {2, 0}, new int[] {0, 3}, new int[] {2, 3}),
                shapes(new int[] {0}, new int[] {0}, new int[0]),
                shapes(new int[] {3}, new int[] {3, 0}, new int[] {0}),
                shapes(new int[] {0, 2, 3}, new int[] {3, 4}, new int[] {0, 2, 4}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeCases")
    void gradientMatchesFiniteDifferences(String name, int[] a, int[] b, int[] out) {
        Tensor x = GradCheck.uniform(1, -1, 1, a);
        Tensor y = GradCheck.uniform(2, -1, 1, b);
        assertArrayEquals(out, x.matmul(y).shape(), name);
        GradCheck.check(name, in -> in[0].matmul(in[1]), x, y);
    }

    @Test
    void matrixTimesMatrix() {
        Tensor a = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Nano.tensor(new double[][] {{5, 6}, {7, 8}});
        Expect.values(a.matmul(b), new int[] {2, 2}, 19, 22, 43, 50);
    }

    @Test
    void vectorProducts() {
        Expect.values(Nano.tensor(1, 2, 3).matmul(Nano.tensor(4, 5, 6)), new int[0], 32);
        Tensor m = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Expect.values(m.matmul(Nano.tensor(1, 1)), new int[] {2}, 3, 7); // row sums
        Expect.values(Nano.tensor(1, 1).matmul(m), new int[] {2}, 4, 6); // column sums
    }

    @Test
    void vectorTimesBatchOfMatrices() {
        // b[0] rows: [0..3], [4..7], [8..11]; a = [1, 0, 2] picks row 0 + 2 * row 2
        Expect.values(Nano.tensor(1, 0, 2).matmul(arange(2, 3, 4)), new int[] {2, 4},
                16, 19, 22, 25,
                52, 55, 58, 61);
    }

    @Test
    void batchOfMatricesTimesVector() {
        // b = [1, 0, 0, 1] adds the first and last entry of each row
        Expect.values(arange(2, 3, 4).matmul(Nano.tensor(1, 0, 0, 1)), new int[] {2, 3}, 3, 11, 19, 27, 35, 43);
    }

    @Test
    void batchDimsBroadcast() {
        // a: (2,1,1,2) holds the rows [1, 2] and [3, 4]; b: (3,2,1) holds the columns e0, e1, e0 + e1
        Tensor a = Nano.tensor(new double[] {1, 2, 3, 4}, 2, 1, 1, 2);
        Tensor b = Nano.tensor(new double[] {1, 0, 0, 1, 1, 1}, 3, 2, 1);
        Expect.values(a.matmul(b), new int[] {2, 3, 1, 1}, 1, 2, 3, 3, 4, 7);
    }

    @Test
    void gradientsOfMatrixTimesMatrix() {
        Tensor a = Nano.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        Tensor b = Nano.tensor(new double[][] {{5, 6}, {7, 8}}).requiresGrad(true);
        a.matmul(b).backward(Nano.ones(2, 2));
        // dA = ones · Bᵀ: every row holds the row sums of B; dB = Aᵀ · ones: row k holds column sum k of A
        Expect.values(a.grad(), new int[] {2, 2}, 11, 15, 11, 15);
        Expect.values(b.grad(), new int[] {2, 2}, 4, 4, 6, 6);
    }

    @Test
    void gradientOfABroadcastOperandIsSummedOverTheBatch() {
        Tensor a = Nano.tensor(new double[] {1, 2}, 1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(new double[] {1, 0, 0, 1, 1, 1}, 3, 2, 1).requiresGrad(true);
        a.matmul(b).backward(Nano.ones(3, 1, 1));
        Expect.values(a.grad(), new int[] {1, 2}, 2, 2); // e0 + e1 + (e0 + e1)
        Expect.values(b.grad(), new int[] {3, 2, 1}, 1, 2, 1, 2, 1, 2); // aᵀ for each batch
    }

    @Test
    void zeroTimesInfinityIsNaN() {
        // No shortcut for zeros: 0 * inf contributes NaN, as in a plain sum of products
        Tensor a = Nano.tensor(new double[][] {{Double.POSITIVE_INFINITY, 1}});
        Tensor b = Nano.tensor(new double[][] {{0}, {1}});
        Expect.values(a.matmul(b), new int[] {1, 1}, Double.NaN);
        Expect.values(Nano.tensor(Double.POSITIVE_INFINITY, 1).matmul(Nano.tensor(2, 1)), new int[0],
                Double.POSITIVE_INFINITY);
    }

    @Test
    void emptyInnerDimGivesZeros() {
        Expect.values(Nano.zeros(2, 0).matmul(Nano.zeros(0, 3)), new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
        Expect.values(Nano.zeros(0).matmul(Nano.zeros(0)), new int[0], 0);
    }

    @Test
    void integerOperandsAreRefusedAndConvertedOnesGiveFloat64() {
        // PyTorch's int64 @ int64 is int64, which nano does not compute: refused, not silently float64.
        Tensor ints = Nano.longTensor(new long[] {1, 2, 3, 4}, 2, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> ints.matmul(ints));
        assertTrue(e.getMessage().startsWith("mm: got only torch.int64 inputs"), e.getMessage());
        // int64 @ float64 is PyTorch's own error (mm's words), not a float64 result.
        var mixed = assertThrows(IllegalArgumentException.class, () -> ints.matmul(ints.toFloat64()));
        assertEquals("expected m1 and m2 to have the same dtype, but got: long int != double", mixed.getMessage());
        Tensor y = ints.toFloat64().matmul(ints.toFloat64());
        assertEquals(DType.FLOAT64, y.dtype());
        Expect.values(y, new int[] {2, 2}, 7, 10, 15, 22);
    }

    @Test
    void nodeNames() {
        Tensor v = Nano.ones(2).requiresGrad(true);
        Tensor m = Nano.ones(2, 2).requiresGrad(true);
        Tensor batch = Nano.ones(3, 2, 2).requiresGrad(true);
        assertEquals("DotBackward0", v.matmul(v).gradFn().name());
        assertEquals("MvBackward0", m.matmul(v).gradFn().name());
        assertEquals("MmBackward0", m.matmul(m).gradFn().name());
        assertEquals("MmBackward0", v.matmul(m).gradFn().name());
        assertEquals("UnsafeViewBackward0", batch.matmul(m).gradFn().name());
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(String message, Tensor a, Tensor b) {
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertEquals(message, e.getMessage());
    }

    @Test
    void scalarOperand() {
        assertFails("both arguments to matmul need to be at least 1D, but they are 0D and 2D",
                Nano.scalar(1), Nano.ones(2, 2));
        assertFails("both arguments to matmul need to be at least 1D, but they are 1D and 0D",
                Nano.ones(2), Nano.scalar(1));
    }

    @Test
    void dotOfDifferentLengths() {
        assertFails("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, "
                + "but got 3 and 4 elements respectively", Nano.ones(3), Nano.ones(4));
    }

    @Test
    void matrixTimesMatrixMismatch() {
        assertFails("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", Nano.ones(2, 3), Nano.ones(4, 5));
    }

    @Test
    void vectorTimesMatrixMismatch() {
        // PyTorch runs this as mm with the vector as a one-row matrix
        assertFails("mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)", Nano.ones(3), Nano.ones(4, 5));
    }

    @Test
    void matrixTimesVectorMismatch() {
        assertFails("size mismatch, got input (2), mat (2x3), vec (4)", Nano.ones(2, 3), Nano.ones(4));
    }

    @Test
    void batchTimesMatrixMismatchIsReportedOnTheFoldedMatrix() {
        // PyTorch folds the batch dims of (2,3,4) into 6 rows and calls mm / mv
        assertFails("mat1 and mat2 shapes cannot be multiplied (6x4 and 5x6)", Nano.ones(2, 3, 4), Nano.ones(5, 6));
        assertFails("size mismatch, got input (6), mat (6x4), vec (5)", Nano.ones(2, 3, 4), Nano.ones(5));
    }

    @Test
    void batchTimesBatchMismatch() {
        assertFails("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].",
                Nano.ones(2, 3, 4), Nano.ones(2, 5, 6));
        assertFails("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].",
                Nano.ones(3), Nano.ones(2, 4, 5));
        assertFails("Expected size for first two dimensions of batch2 tensor to be: [2, 5] but got: [2, 3].",
                Nano.ones(4, 5), Nano.ones(2, 3, 6));
    }

    @Test
    void smallOperandRequiringGradMakesPyTorchFoldTheBatch() {
        // With the small operand requiring grad PyTorch multiplies the folded bᵀ by aᵀ (or a)
        assertFails("size mismatch, got input (10), mat (10x4), vec (3)",
                Nano.ones(3).requiresGrad(true), Nano.ones(2, 4, 5));
        assertFails("mat1 and mat2 shapes cannot be multiplied (12x3 and 5x4)",
                Nano.ones(4, 5).requiresGrad(true), Nano.ones(2, 3, 6));
        // a (1,3,4) requiring grad against a batch of 2: PyTorch squeezes a's batch dim first
        assertFails("mat1 and mat2 shapes cannot be multiplied (12x5 and 4x3)",
                Nano.ones(1, 3, 4).requiresGrad(true), Nano.ones(2, 5, 6));
        assertFails("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].",
                Nano.ones(1, 3, 4), Nano.ones(2, 5, 6));
    }

    @Test
    void batchDimsThatDoNotBroadcast() {
        assertFails("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
                Nano.ones(2, 3, 4), Nano.ones(3, 4, 5));
    }
}
