package dev.nano.ops;

import dev.nano.Parallel;
import dev.nano.Shape;

import java.util.Arrays;

/**
 * Sums over some dims of a row-major tensor, without an index per element where the layout is
 * plain. Used by {@code sum}/{@code mean} (and so by the engine's reduction of every broadcast gradient) and
 * by {@link #sumTo}.
 *
 * <p>Ignoring dims of size 1, a reduction is one of three kinds:
 * <ul>
 *   <li><b>rows</b>: the reduced dims are the last ones ({@code sum()}, {@code sum(dim=-1)}, a
 *       gradient summed to shape {@code (n, 1)}): each output is the sum of one contiguous run;
 *   <li><b>columns</b>: the reduced dims are the first ones (a bias gradient summed over the
 *       batch): each input row is added onto the output row;
 *   <li>anything else goes through {@link Shape#reductionMap}, one index per element.
 * </ul>
 *
 * <p>Summation order: a run is summed with sixteen interleaved accumulators (element {@code i}
 * of the run goes to accumulator {@code i % 16}; they are added as a balanced tree
 * {@code ((s0 + s1) + (s2 + s3)) + …}, then the tail left to right), which lets the CPU
 * add several numbers at once instead of waiting on one chain; a run longer than {@link #CHUNK}
 * is summed chunk by chunk and the chunk sums are added in order. That is a different order from
 * a left-to-right loop (and from PyTorch's cascade sum): results can differ in the last bits.
 * Chunk boundaries depend only on the length, so the result never depends on the thread count.
 * Columns are added row after row, in order, as a left-to-right loop would.
 *
 * <p>A run is summed by {@link Kernels#ACTIVE}: on the plain path by {@link #sumRun} below, on the
 * vector path in the order {@code VectorKernels} documents (lanes of four vector accumulators).
 */
public final class SumKernels {
    /** Elements per chunk of a long run (also the unit of parallel work). */
    static final int CHUNK = SizeClasses.SUM_CHUNK;

    private SumKernels() {
    }

    /** Where the reduced dims are, ignoring dims of size 1 (which never change where an element goes). */
    enum Kind { ROWS, COLUMNS, GENERAL }

    static Kind kindOf(int[] shape, boolean[] reduced) {
        int firstReduced = shape.length;
        int lastReduced = -1;
        int firstKept = shape.length;
        int lastKept = -1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (reduced[d]) {
                firstReduced = Math.min(firstReduced, d);
                lastReduced = d;
            } else {
                firstKept = Math.min(firstKept, d);
                lastKept = d;
            }
        }
        if (lastKept < firstReduced) {
            return Kind.ROWS;
        }
        return lastReduced < firstKept ? Kind.COLUMNS : Kind.GENERAL;
    }

    /**
     * The sums of {@code x} (of {@code shape}) over the {@code reduced} dims, in row-major output order.
     * @param x the values, row-major
     * @param shape their shape
     * @param reduced one flag per dim, true where summed
     * @return the sums
     */
    public static double[] sum(double[] x, int[] shape, boolean[] reduced) {
        int group = 1;
        for (int d = 0; d < shape.length; d++) {
            group *= reduced[d] ? shape[d] : 1;
        }
        if (x.length == 0) { // an empty group sums to 0
            return new double[Shape.numel(Shape.reducedShape(shape, reduced, false))];
        }
        int outNumel = x.length / group;
        switch (kindOf(shape, reduced)) {
            case ROWS:
                return rowSums(x, outNumel, group);
            case COLUMNS:
                return columnSums(x, group, outNumel);
            default:
                int[] map = Shape.reductionMap(shape, reduced);
                double[] out = new double[outNumel];
                for (int i = 0; i < x.length; i++) {
                    out[map[i]] += x[i];
                }
                return out;
        }
    }

    /**
     * PyTorch's {@code at::sum_to} on a row-major array: sums {@code grad} over the dims
     * {@link Shape#sumToDims} names, so that it has {@code target}'s element count.
     * @param grad the gradient, row-major
     * @param gradShape the gradient's (broadcast) shape
     * @param target the shape of the input that was broadcast
     * @return {@code grad} itself when the shapes are equal, else the summed gradient
     */
    static double[] sumTo(double[] grad, int[] gradShape, int[] target) {
        if (Arrays.equals(gradShape, target)) {
            return grad;
        }
        boolean[] reduced = new boolean[gradShape.length];
        for (int d : Shape.sumToDims(gradShape, target)) {
            reduced[d] = true;
        }
        return sum(grad, gradShape, reduced); // no index per element where the layout is plain
    }

    /** {@code out[r] = x[r*width] + … + x[r*width + width - 1]}. */
    static double[] rowSums(double[] x, int rows, int width) {
        double[] out = new double[rows];
        if (rows == 1) {
            out[0] = sumLong(x, 0, width);
        } else if ((long) rows * width < CHUNK) {
            for (int r = 0; r < rows; r++) {
                out[r] = sumLong(x, r * width, width);
            }
        } else {
            int rowsPerChunk = Math.max(1, CHUNK / width);
            int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
            Parallel.forEachChunk(chunks, c -> {
                for (int r = c * rowsPerChunk; r < Math.min(rows, (c + 1) * rowsPerChunk); r++) {
                    out[r] = sumLong(x, r * width, width);
                }
            });
        }
        return out;
    }

    /** {@code out[j] = x[j] + x[width + j] + x[2*width + j] + …}, row after row. */
    static double[] columnSums(double[] x, int rows, int width) {
        double[] out = new double[width];
        for (int r = 0; r < rows; r++) {
            int at = r * width;
            for (int j = 0; j < width; j++) {
                out[j] += x[at + j];
            }
        }
        return out;
    }

    /** The sum of {@code x[from, from + n)}: chunk sums (in parallel if long) added in order. */
    static double sumLong(double[] x, int from, int n) {
        if (n <= CHUNK) {
            return Kernels.ACTIVE.sum(x, from, from + n);
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        Parallel.forEachChunk(chunks,
            c -> partial[c] = Kernels.ACTIVE.sum(x, from + c * CHUNK, from + Math.min(n, (c + 1) * CHUNK)));
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum;
    }

    /**
     * The sum of {@code x[from, to)} with sixteen accumulators: one running sum would make every
     * addition wait for the previous one (about 3 cycles); sixteen independent ones keep both of
     * the CPU's adders busy. The lanes are combined as a balanced tree, then the tail is added.
     *
     * <p>Why not vectorised: HotSpot 17 (C2) never vectorises a floating-point sum into one
     * variable (it may not reorder the additions), and the "vertical" form
     * {@code acc[j] += x[from + j]} over blocks is not vectorised either, because the two arrays
     * are indexed with different loop-invariant offsets ({@code 0} and {@code from}), which C2 17
     * cannot prove independent; measured, it is twice as slow as this loop. Sixteen scalar chains
     * were about 10% faster than eight on the benchmark machine (Zen 4), more gained nothing.
     */
    static double sumRun(double[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double s8 = 0;
        double s9 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s14 = 0;
        double s15 = 0;
        int i = from;
        for (; i + 15 < to; i += 16) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
            s4 += x[i + 4];
            s5 += x[i + 5];
            s6 += x[i + 6];
            s7 += x[i + 7];
            s8 += x[i + 8];
            s9 += x[i + 9];
            s10 += x[i + 10];
            s11 += x[i + 11];
            s12 += x[i + 12];
            s13 += x[i + 13];
            s14 += x[i + 14];
            s15 += x[i + 15];
        }
        double sum = (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)))
            + (((s8 + s9) + (s10 + s11)) + ((s12 + s13) + (s14 + s15)));
        for (; i < to; i++) {
            sum += x[i];
        }
        return sum;
    }
}
