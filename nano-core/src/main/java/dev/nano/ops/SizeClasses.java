package dev.nano.ops;

import java.util.List;

/**
 * Every size at which a kernel of nano changes what it does, in one place: the kernels read their
 * thresholds from here, and torch-oracle's size-class gate reads {@link #ALL} and fails when a
 * threshold has no PyTorch case below, at and above it for every family that takes its path. A bug
 * that only shows past a size (a parallel piece skipped, a chunk's tail dropped, the last columns of
 * a wide product computed wrongly) is then always within reach of the harness.
 *
 * <p>Each threshold is measured on one quantity of a call ({@link Measure}): the number of elements,
 * the length of a summed run, or one of a matrix product's dimensions. The vector kernels'
 * thresholds depend on the lane count {@code W} of the CPU; they are listed for the widths nano's CI
 * machines use (4 lanes with AVX2, 8 with AVX-512).
 */
public final class SizeClasses {
    /**
     * Elements per parallel piece of the elementwise loops (unary ops, equal-shape binary ops) and, divided by
     * the row length, rows per piece of softmax and log_softmax: above it the work is cut into pieces.
     */
    public static final int PARALLEL_GRAIN = 1 << 15;
    /** Elements per chunk of a summed run (also the unit of the sums' parallel work). */
    public static final int SUM_CHUNK = 1 << 15;
    /** Accumulators of the plain path's sum ({@code SumKernels.sumRun}): a run's last {@code n % 16} elements are its tail. */
    public static final int SUM_LANES = 16;
    /** Below this many columns a matrix product takes plain dot products instead of packed rows. */
    public static final int MATRIX_MIN_PACKED_COLS = 8;
    /** Products with fewer multiply-adds ({@code rows·inner·cols}) than this stay on the calling thread. */
    public static final long MATRIX_MIN_PARALLEL_WORK = 1L << 17;
    /** Output rows per parallel chunk of a matrix product: fixed, so the partition never depends on the thread count. */
    public static final int MATRIX_ROWS_PER_CHUNK = 16;
    /** Inner indices per pass of the plain matrix kernel's inner loop: {@code inner % 4} are its tail. */
    public static final int MATRIX_INNER_UNROLL = 4;
    /** Output rows per pass of the vector matrix kernel: {@code rows % 4} are done one at a time. */
    public static final int VECTOR_MATRIX_ROWS = 4;
    /** Vectors of columns per panel of the vector matrix kernel: columns past the last whole panel are done one at a time. */
    public static final int VECTOR_MATRIX_PANEL_VECTORS = 2;
    /** Inner indices per pass of the vector matrix kernel (a cache block); the accumulators go through the output between passes. */
    public static final int VECTOR_INNER_BLOCK = 128;
    /** Vector accumulators of the vector path's sum: a run's last {@code n % (4W)} elements are its tail. */
    public static final int VECTOR_SUM_ACCUMULATORS = 4;
    /** The lane counts whose vector thresholds are listed: AVX2 (4 doubles) and AVX-512 (8). */
    public static final List<Integer> VECTOR_LANES = List.of(4, 8);

    /** The quantity of a call a threshold is measured on. */
    public enum Measure {
        /** The number of elements of the (largest) input or output the loop runs over. */
        ELEMENTS,
        /** The length of one summed run (the reduced elements per output element). */
        SUM_RUN,
        /** A matrix product's rows (of the left factor and of the output). */
        MATRIX_ROWS,
        /** A matrix product's inner dimension. */
        MATRIX_INNER,
        /** A matrix product's columns (of the right factor and of the output). */
        MATRIX_COLS,
        /** A matrix product's multiply-adds, {@code rows·inner·cols}. */
        MATRIX_WORK
    }

    /**
     * One threshold: a kernel does something else below it than at or above it.
     * @param name     a short name, as the gate reports it
     * @param value    the threshold
     * @param measure  what it is measured on
     * @param families the families of operators whose kernels take the path ("elementwise", "broadcasting",
     *                 "reductions", "softmax", "matmul", "linear", "losses", "norms")
     * @param why      what changes at it
     */
    public record Threshold(String name, long value, Measure measure, List<String> families, String why) {
        /**
         * Copies the families.
         * @param name     a short name
         * @param value    the threshold
         * @param measure  what it is measured on
         * @param families the families whose kernels take the path
         * @param why      what changes at it
         */
        public Threshold {
            families = List.copyOf(families);
        }
    }

    /** Every threshold of nano's kernels, plain and vector. */
    public static final List<Threshold> ALL = thresholds();

    private SizeClasses() {
    }

    private static List<Threshold> thresholds() {
        List<String> matrix = List.of("matmul", "linear");
        java.util.ArrayList<Threshold> all = new java.util.ArrayList<>(List.of(
            new Threshold("parallel grain", PARALLEL_GRAIN, Measure.ELEMENTS,
                List.of("elementwise", "broadcasting", "softmax", "losses"),
                "more elements are cut into pieces of this many, run on Parallel's threads"),
            new Threshold("sum chunk", SUM_CHUNK, Measure.SUM_RUN, List.of("reductions", "broadcasting"),
                "a longer run is summed chunk by chunk (in parallel), the chunk sums added in order"),
            new Threshold("sum rows in parallel", SUM_CHUNK, Measure.ELEMENTS, List.of("reductions"),
                "rows·width of at least this many: the row sums run in parallel chunks of rows"),
            new Threshold("sum lanes", SUM_LANES, Measure.SUM_RUN, List.of("reductions"),
                "a run of fewer elements is all tail; longer, its first n - n % 16 go to 16 accumulators"),
            new Threshold("matrix packed columns", MATRIX_MIN_PACKED_COLS, Measure.MATRIX_COLS, matrix,
                "narrower products are plain dot products, wider ones pack the right factor's rows"),
            new Threshold("matrix parallel work", MATRIX_MIN_PARALLEL_WORK, Measure.MATRIX_WORK, matrix,
                "products with this many multiply-adds or more cut their rows into chunks for the threads"),
            new Threshold("matrix rows per chunk", MATRIX_ROWS_PER_CHUNK, Measure.MATRIX_ROWS, matrix,
                "a parallel product with more rows has a second chunk (of rows % 16 if it is the last)"),
            new Threshold("matrix inner unroll", MATRIX_INNER_UNROLL, Measure.MATRIX_INNER, matrix,
                "the inner index runs four at a time, then the inner % 4 left one at a time")));
        for (int w : VECTOR_LANES) {
            all.add(new Threshold("vector matrix panel, W=" + w, (long) VECTOR_MATRIX_PANEL_VECTORS * w,
                Measure.MATRIX_COLS, matrix, "narrower products take the plain kernel; wider, columns past the last "
                    + "panel of " + VECTOR_MATRIX_PANEL_VECTORS * w + " are done one at a time"));
            all.add(new Threshold("vector sum lanes, W=" + w, (long) VECTOR_SUM_ACCUMULATORS * w, Measure.SUM_RUN,
                List.of("reductions"), "the last n % " + VECTOR_SUM_ACCUMULATORS * w + " of a run are its tail"));
        }
        all.add(new Threshold("vector matrix rows", VECTOR_MATRIX_ROWS, Measure.MATRIX_ROWS, matrix,
            "rows go four at a time, then rows % 4 one at a time"));
        all.add(new Threshold("vector inner block", VECTOR_INNER_BLOCK, Measure.MATRIX_INNER, matrix,
            "a longer inner dimension is cut into cache blocks; each continues from the output the last one stored"));
        return List.copyOf(all);
    }
}
