package dev.nano.ops;

import dev.nano.Parallel;

/**
 * The one matrix-product kernel behind matmul's forward and both of its backward products:
 * {@code out = left · right} for matrices stored in {@code double[]}s with any strides, so a
 * transposed operand ({@code Bᵀ} in {@code dA = dOut · Bᵀ}, {@code Aᵀ} in {@code dB = Aᵀ · dOut})
 * is read in place, never copied into a transposed tensor.
 *
 * <p>Why it is fast, in plain Java (no Vector API, so no JVM flag):
 * <ul>
 *   <li>Rows of {@code right} are first copied into arrays of their own ("packing"), and each
 *       output row is built in a scratch array, so the innermost loop is
 *       {@code acc[j] += l * r[j]} over two arrays that both start at index 0. HotSpot turns that
 *       loop into SIMD instructions; the same loop with base offsets into one big array does not
 *       vectorise and runs about 3× slower.
 *   <li>Two output rows are built at once, so each element of {@code right} loaded from memory
 *       serves two multiply-adds (register blocking).
 *   <li>Large products split their rows into fixed chunks that run on {@link Parallel}'s threads.
 * </ul>
 *
 * <p>Summation order: every output element is {@code 0 + l[0]·r[0] + l[1]·r[1] + …} in ascending
 * order of the inner index, without fused multiply-add, exactly as the textbook triple loop. So the
 * result does not depend on blocking, chunking or the thread count.
 */
final class MatrixKernel {
    /** Below this many columns packing does not pay; plain dot products are used (matrix-vector). */
    static final int MIN_PACKED_COLS = SizeClasses.MATRIX_MIN_PACKED_COLS;
    /** Products with fewer multiply-adds than this stay on the calling thread. */
    static final long MIN_PARALLEL_WORK = SizeClasses.MATRIX_MIN_PARALLEL_WORK;
    /** Output rows per parallel chunk: fixed, so the partition never depends on the thread count. */
    static final int ROWS_PER_CHUNK = SizeClasses.MATRIX_ROWS_PER_CHUNK;

    private MatrixKernel() {
    }

    /**
     * A matrix inside a {@code double[]}: element {@code (r, c)} is
     * {@code data[at + r * rowStride + c * colStride]}. A row-major matrix has strides
     * {@code (cols, 1)}; its transpose is the same storage with strides {@code (1, cols)}.
     */
    record View(double[] data, int at, int rowStride, int colStride) {
    }

    /** Writes {@code left (rows × inner) · right (inner × cols)} row-major into {@code out} at {@code outAt}. */
    static void product(View left, View right, double[] out, int outAt, int rows, int inner, int cols) {
        if (cols < MIN_PACKED_COLS) {
            dotProducts(left, right, out, outAt, rows, inner, cols);
            return;
        }
        double[][] rightRows = packRows(right, inner, cols);
        if ((long) rows * inner * cols < MIN_PARALLEL_WORK) {
            rowBlock(left, rightRows, out, outAt, 0, rows, inner, cols);
            return;
        }
        int chunks = (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        Parallel.forEachChunk(chunks, c -> rowBlock(left, rightRows, out, outAt, c * ROWS_PER_CHUNK,
                Math.min(rows, (c + 1) * ROWS_PER_CHUNK), inner, cols));
    }

    /**
     * Runs {@code product.accept(i)} for every matrix {@code i} of a batch, each writing its own
     * block of the result. Many small products run on separate threads (one batch each); a single
     * product, or a batch too small to be worth a thread, runs here, and a large product spreads
     * its own rows instead.
     */
    static void eachBatch(int batches, long workPerProduct, java.util.function.IntConsumer product) {
        if (batches > 1 && batches * workPerProduct >= MIN_PARALLEL_WORK) {
            Parallel.forEachChunk(batches, product);
        } else {
            for (int i = 0; i < batches; i++) {
                product.accept(i);
            }
        }
    }

    /** Copies each row of {@code right} into an array of its own, starting at index 0. */
    private static double[][] packRows(View right, int inner, int cols) {
        double[][] rows = new double[inner][];
        for (int t = 0; t < inner; t++) {
            double[] row = new double[cols];
            int at = right.at() + t * right.rowStride();
            if (right.colStride() == 1) {
                System.arraycopy(right.data(), at, row, 0, cols);
            } else {
                for (int j = 0; j < cols; j++) {
                    row[j] = right.data()[at + j * right.colStride()];
                }
            }
            rows[t] = row;
        }
        return rows;
    }

    /** Output rows {@code [from, to)}: two at a time, then the odd one out. */
    private static void rowBlock(View left, double[][] rightRows, double[] out, int outAt, int from, int to,
                                 int inner, int cols) {
        double[] acc0 = new double[cols];
        double[] acc1 = new double[cols];
        int i = from;
        for (; i + 1 < to; i += 2) {
            twoRows(left, i, rightRows, acc0, acc1, inner, cols);
            System.arraycopy(acc0, 0, out, outAt + i * cols, cols);
            System.arraycopy(acc1, 0, out, outAt + (i + 1) * cols, cols);
        }
        if (i < to) {
            oneRow(left, i, rightRows, acc0, inner, cols);
            System.arraycopy(acc0, 0, out, outAt + i * cols, cols);
        }
    }

    /**
     * Rows {@code i} and {@code i + 1} of the product into {@code acc0} and {@code acc1}. Four rows
     * of {@code right} are taken per pass, so each accumulator is loaded and stored once per four
     * multiply-adds, and each element of {@code right} serves both rows: about 2.5× the speed of
     * one row of {@code right} per pass. Written as {@code acc + a0·r0 + a1·r1 + a2·r2 + a3·r3},
     * which Java evaluates left to right, so the order of the additions is unchanged.
     */
    private static void twoRows(View left, int i, double[][] rightRows, double[] acc0, double[] acc1, int inner,
                                int cols) {
        double[] l = left.data();
        int ls = left.colStride();
        int l0 = left.at() + i * left.rowStride();
        int l1 = l0 + left.rowStride();
        java.util.Arrays.fill(acc0, 0);
        java.util.Arrays.fill(acc1, 0);
        int t = 0;
        for (; t + 3 < inner; t += 4) {
            double a00 = l[l0 + t * ls];
            double a01 = l[l0 + (t + 1) * ls];
            double a02 = l[l0 + (t + 2) * ls];
            double a03 = l[l0 + (t + 3) * ls];
            double a10 = l[l1 + t * ls];
            double a11 = l[l1 + (t + 1) * ls];
            double a12 = l[l1 + (t + 2) * ls];
            double a13 = l[l1 + (t + 3) * ls];
            double[] r0 = rightRows[t];
            double[] r1 = rightRows[t + 1];
            double[] r2 = rightRows[t + 2];
            double[] r3 = rightRows[t + 3];
            for (int j = 0; j < cols; j++) {
                double b0 = r0[j];
                double b1 = r1[j];
                double b2 = r2[j];
                double b3 = r3[j];
                acc0[j] = acc0[j] + a00 * b0 + a01 * b1 + a02 * b2 + a03 * b3;
                acc1[j] = acc1[j] + a10 * b0 + a11 * b1 + a12 * b2 + a13 * b3;
            }
        }
        for (; t < inner; t++) {
            double a0 = l[l0 + t * ls];
            double a1 = l[l1 + t * ls];
            double[] r = rightRows[t];
            for (int j = 0; j < cols; j++) {
                double rj = r[j];
                acc0[j] += a0 * rj;
                acc1[j] += a1 * rj;
            }
        }
    }

    /** Row {@code i} of the product into {@code acc}, four rows of {@code right} per pass as in {@link #twoRows}. */
    private static void oneRow(View left, int i, double[][] rightRows, double[] acc, int inner, int cols) {
        double[] l = left.data();
        int ls = left.colStride();
        int l0 = left.at() + i * left.rowStride();
        java.util.Arrays.fill(acc, 0);
        int t = 0;
        for (; t + 3 < inner; t += 4) {
            double a0 = l[l0 + t * ls];
            double a1 = l[l0 + (t + 1) * ls];
            double a2 = l[l0 + (t + 2) * ls];
            double a3 = l[l0 + (t + 3) * ls];
            double[] r0 = rightRows[t];
            double[] r1 = rightRows[t + 1];
            double[] r2 = rightRows[t + 2];
            double[] r3 = rightRows[t + 3];
            for (int j = 0; j < cols; j++) {
                acc[j] = acc[j] + a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
        for (; t < inner; t++) {
            double a0 = l[l0 + t * ls];
            double[] r = rightRows[t];
            for (int j = 0; j < cols; j++) {
                acc[j] += a0 * r[j];
            }
        }
    }

    /** Narrow products (a vector on the right): one dot product per output element. */
    private static void dotProducts(View left, View right, double[] out, int outAt, int rows, int inner, int cols) {
        double[] l = left.data();
        double[] r = right.data();
        for (int i = 0; i < rows; i++) {
            int li = left.at() + i * left.rowStride();
            for (int j = 0; j < cols; j++) {
                int rj = right.at() + j * right.colStride();
                double sum = 0;
                for (int t = 0; t < inner; t++) {
                    sum += l[li + t * left.colStride()] * r[rj + t * right.rowStride()];
                }
                out[outAt + i * cols + j] = sum;
            }
        }
    }
}
