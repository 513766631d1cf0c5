package dev.nano.ops;

import dev.nano.Shape;

/**
 * A tensor seen as {@code (outer, size, inner)} around one dim: the layout of the single-dim ops
 * (softmax, {@code max(dim)}, {@code prod(dim)}). Element {@code (o, k, i)} lives at
 * {@code (o * size + k) * inner + i}; the row it belongs to (the output element, when the dim is
 * reduced) is {@code o * inner + i}, and its neighbours along the dim are {@code inner} apart.
 * A 0-d tensor is one row of one element.
 */
final class ReduceAxis {
    final int outer;
    final int size;
    final int inner;

    private ReduceAxis(int outer, int size, int inner) {
        this.outer = outer;
        this.size = size;
        this.inner = inner;
    }

    /** Splits {@code shape} around {@code dim}, which must already be wrapped. */
    static ReduceAxis of(int[] shape, int dim) {
        if (shape.length == 0) {
            return new ReduceAxis(1, 1, 1);
        }
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new ReduceAxis(outer, shape[dim], inner);
    }

    /** Number of rows (= output elements of a reduction along the dim). */
    int rows() {
        return outer * inner;
    }

    /** Flat index of the first element of row {@code r}; the row continues every {@link #inner}. */
    int rowStart(int r) {
        int o = r / inner;
        int i = r % inner;
        return o * size * inner + i;
    }

    /** The shape after reducing the dim (kept as 1, or dropped). */
    static int[] reducedShape(int[] shape, int dim, boolean keepdim) {
        boolean[] reduced = new boolean[shape.length];
        if (shape.length > 0) {
            reduced[dim] = true;
        }
        return Shape.reducedShape(shape, reduced, keepdim);
    }
}
