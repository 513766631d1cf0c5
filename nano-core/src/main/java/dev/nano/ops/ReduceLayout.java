package dev.nano.ops;

import dev.nano.Shape;

/**
 * Where every input element goes when some dims of a tensor are reduced: computed once per call
 * and kept by the op for its backward.
 *
 * <p>{@link #map()} sends input element {@code i} to output element {@code map[i]}, so a reduction
 * is one pass ({@code out[map[i]] += x[i]}) and its backward another ({@code gx[i] = g[map[i]]}).
 * Dropping size-1 dims does not change row-major order, so the same map serves keepdim and not.
 * The map costs an int per element, so it is built only for the reductions that ask for it;
 * sum and mean use {@link SumKernels} and {@link #expand}, which need none where the layout is plain.
 */
final class ReduceLayout {
    /** Shape of the input. */
    final int[] inShape;
    /** Which input dims are reduced. */
    final boolean[] reduced;
    /** Shape of the result (reduced dims dropped, or kept as 1 with keepdim). */
    final int[] outShape;
    private int[] map;
    /** Number of output elements. */
    final int outNumel;
    /** Number of input elements reduced into each output element (1 for a 0-d input). */
    final int groupSize;
    /**
     * True when no dims were named (PyTorch's {@code dim=None}), or the input is 0-d. A few
     * formulas ({@code var_backward}) take a different branch in that case.
     */
    final boolean allDims;

    private ReduceLayout(int[] inShape, int[] dims, boolean keepdim) {
        this.inShape = inShape;
        this.reduced = Shape.reducedDims(dims, inShape.length);
        this.outShape = Shape.reducedShape(inShape, reduced, keepdim);
        this.outNumel = Shape.numel(outShape);
        this.allDims = dims == null || dims.length == 0 || inShape.length == 0;
        int group = 1;
        for (int d = 0; d < inShape.length; d++) {
            if (reduced[d]) {
                group *= inShape[d];
            }
        }
        this.groupSize = group;
    }

    /**
     * Validates {@code dims} (range, duplicates) and lays out the reduction. An empty or null
     * {@code dims} reduces every dim.
     */
    static ReduceLayout of(int[] shape, int[] dims, boolean keepdim) {
        if (shape.length == 0 && dims != null) {
            checkScalarDims(dims);
        }
        return new ReduceLayout(shape, dims, keepdim);
    }

    /**
     * A 0-d tensor accepts dim 0 and -1, which both wrap to 0, so naming two of them names dim 0
     * twice: PyTorch's {@code make_dim_mask} rejects {@code x.sum((0, -1))} as it rejects
     * {@code (0, 0)}. ({@link Shape#reducedDims} only range-checks the dims of a 0-d tensor.)
     */
    private static void checkScalarDims(int[] dims) {
        boolean seen = false;
        for (int d : dims) {
            Shape.wrapDim(d, 0);
            if (seen) {
                throw new IllegalArgumentException("dim 0 appears multiple times in the list of dims");
            }
            seen = true;
        }
    }

    /** Input flat index to output flat index (built on first use). */
    int[] map() {
        if (map == null) {
            map = Shape.reductionMap(inShape, reduced);
        }
        return map;
    }

    /** Number of input elements. */
    int inNumel() {
        return Shape.numel(inShape);
    }

    /**
     * The backward of a sum: every input element gets the gradient of the output element it
     * went into, divided by {@code divisor} (1 for sum, the group size for mean).
     */
    double[] expand(double[] g, double divisor) {
        double[] gx = new double[inNumel()];
        if (gx.length == 0) {
            return gx;
        }
        switch (SumKernels.kindOf(inShape, reduced)) {
            case ROWS:
                int width = gx.length / outNumel;
                for (int o = 0; o < outNumel; o++) {
                    java.util.Arrays.fill(gx, o * width, (o + 1) * width, g[o] / divisor);
                }
                return gx;
            case COLUMNS:
                for (int at = 0; at < gx.length; at += outNumel) {
                    for (int j = 0; j < outNumel; j++) {
                        gx[at + j] = g[j] / divisor;
                    }
                }
                return gx;
            default:
                int[] m = map();
                for (int i = 0; i < gx.length; i++) {
                    gx[i] = g[m[i]] / divisor;
                }
                return gx;
        }
    }
}
