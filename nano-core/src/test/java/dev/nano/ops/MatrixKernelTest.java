package dev.nano.ops;

import dev.nano.Parallel;
import dev.nano.ops.MatrixKernel.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The matrix kernel against the textbook triple loop written out here. Both add the products in
 * ascending order of the inner index without fused multiply-add, so they must agree bit for bit,
 * whatever the blocking, the chunking or the thread count.
 */
class MatrixKernelTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(Runtime.getRuntime().availableProcessors());
    }

    @ParameterizedTest(name = "({0}x{1}) @ ({1}x{2}), {3} threads")
    @CsvSource({
        "1, 1, 1, 1", "3, 5, 1, 1", "4, 3, 7, 1", // narrow: one dot product per element
        "1, 4, 8, 1", "5, 9, 8, 1", "6, 7, 13, 1", "37, 29, 41, 1", // packed rows, odd row counts
        "0, 3, 9, 1", "3, 0, 9, 1", // empty
        "67, 65, 63, 1", "67, 65, 63, 2", // large enough to run in row chunks on threads
    })
    void rowMajorProductsMatchTheTripleLoop(int rows, int inner, int cols, int threads) {
        Parallel.setNumThreads(threads);
        double[] a = random(rows * inner, 1);
        double[] b = random(inner * cols, 2);
        double[] out = new double[rows * cols];
        MatrixKernel.product(new View(a, 0, inner, 1), new View(b, 0, cols, 1), out, 0, rows, inner, cols);
        assertArrayEquals(tripleLoop(a, 0, inner, 1, b, 0, cols, 1, rows, inner, cols), out);
    }

    @ParameterizedTest(name = "transposed operands ({0}x{1}) @ ({1}x{2})")
    @CsvSource({"3, 4, 5", "9, 11, 12", "2, 3, 70"})
    void transposedViewsAndOffsetsAreReadInPlace(int rows, int inner, int cols) {
        // left is stored as its transpose (inner x rows) after 3 padding values, right likewise.
        double[] a = random(3 + rows * inner, 3);
        double[] b = random(5 + inner * cols, 4);
        double[] out = new double[2 + rows * cols];
        View left = new View(a, 3, 1, rows);
        View right = new View(b, 5, 1, inner);
        MatrixKernel.product(left, right, out, 2, rows, inner, cols);
        double[] expected = tripleLoop(a, 3, 1, rows, b, 5, 1, inner, rows, inner, cols);
        double[] written = java.util.Arrays.copyOfRange(out, 2, out.length);
        assertArrayEquals(expected, written);
        assertArrayEquals(new double[2], java.util.Arrays.copyOf(out, 2)); // nothing before outAt
    }

    // Added for the mutation score (scripts/mutation-score): a batch of products large enough to run
    // one batch per thread (MatrixKernel.eachBatch), which the tests above never reach; a mutant that
    // skipped that branch's work survived.
    @ParameterizedTest(name = "batched (4x40x30) @ (4x30x40), {0} threads")
    @CsvSource({"1", "2"})
    void batchesLargeEnoughForThreadsMatchTheTripleLoop(int threads) {
        Parallel.setNumThreads(threads);
        int batches = 4;
        int rows = 40;
        int inner = 30;
        int cols = 40;
        // 4 · 40 · 30 · 40 = 192,000 multiply-adds, above MatrixKernel.MIN_PARALLEL_WORK (2^17).
        double[] a = random(batches * rows * inner, 5);
        double[] b = random(batches * inner * cols, 6);
        dev.nano.Tensor x = dev.nano.Nano.tensor(a, batches, rows, inner).requiresGrad(true);
        dev.nano.Tensor y = dev.nano.Nano.tensor(b, batches, inner, cols).requiresGrad(true);
        dev.nano.Tensor out = x.matmul(y);
        out.sum().backward();
        double[] ones = new double[rows * cols];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < batches; i++) {
            int at = i * rows * cols;
            assertArrayEquals(tripleLoop(a, i * rows * inner, inner, 1, b, i * inner * cols, cols, 1, rows, inner,
                    cols), java.util.Arrays.copyOfRange(out.data(), at, at + rows * cols), "batch " + i);
            // d(sum)/dx = ones · yᵀ and d(sum)/dy = xᵀ · ones, each a triple loop of its own.
            assertArrayEquals(tripleLoop(ones, 0, cols, 1, b, i * inner * cols, 1, cols, rows, cols, inner),
                    java.util.Arrays.copyOfRange(x.grad().data(), i * rows * inner, (i + 1) * rows * inner),
                    "grad of x, batch " + i);
            assertArrayEquals(tripleLoop(a, i * rows * inner, 1, inner, ones, 0, cols, 1, inner, rows, cols),
                    java.util.Arrays.copyOfRange(y.grad().data(), i * inner * cols, (i + 1) * inner * cols),
                    "grad of y, batch " + i);
        }
    }

    private static double[] tripleLoop(double[] a, int aAt, int aRow, int aCol, double[] b, int bAt, int bRow,
                                       int bCol, int rows, int inner, int cols) {
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int t = 0; t < inner; t++) {
                    sum += a[aAt + i * aRow + t * aCol] * b[bAt + t * bRow + j * bCol];
                }
                out[i * cols + j] = sum;
            }
        }
        return out;
    }

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }
}
