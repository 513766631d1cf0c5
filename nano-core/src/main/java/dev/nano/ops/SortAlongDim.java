package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * {@code sort argsort topk kthvalue}: every line along {@code dim} put in order. The order is
 * aten's CPU sort's with {@code stable=True} (aten/src/ATen/native/cpu/SortingKernel.cpp): a stable sort whose
 * comparators ({@code KeyValueCompAsc}, {@code KeyValueCompDesc}) treat NaN as larger than every
 * number, so NaN comes last ascending and first descending, and equal values (-0.0 and 0.0 among
 * them) keep their input order. The values are {@code x[source[i]]} for the sorted positions, so
 * they are a {@link MoveByIndexMap} and their gradient goes back to the positions they came from;
 * the positions along {@code dim} are the int64 indices.
 */
final class SortAlongDim {
    private SortAlongDim() {
    }

    /** The sorted values (in the graph) and their positions along the dim (int64). */
    static Tensor[] sort(Tensor x, int dim, boolean descending) {
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.dim() == 0 ? 1 : x.size(d);
        return firstK(x, d, size, descending, x.shape(), "SortBackward0");
    }

    /** aten's topk: the k largest (or smallest) along dim, in order. */
    static Tensor[] topk(Tensor x, int k, int dim, boolean largest) {
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.dim() == 0 ? 1 : x.size(d);
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("selected index k out of range");
        }
        int[] outShape = x.shape();
        if (x.dim() > 0) {
            outShape[d] = k;
        }
        return firstK(x, d, k, largest, outShape, "TopkBackward0");
    }

    /** aten's kthvalue: the k-th smallest along dim (k from 1), NaN counting as the largest. */
    static Tensor[] kthvalue(Tensor x, int k, int dim, boolean keepdim) {
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.dim() == 0 ? 1 : x.size(d);
        if (size == 0) {
            throw new IllegalArgumentException("kthvalue(): Expected reduction dim " + d + " to have non-zero size.");
        }
        if (k < 1 || k > size) {
            throw new IllegalArgumentException("kthvalue(): selected number k out of range for dimension " + d);
        }
        int[] shape = x.shape();
        boolean[] reduced = new boolean[shape.length];
        if (shape.length > 0) {
            reduced[d] = true;
        }
        int[] outShape = Shape.reducedShape(shape, reduced, keepdim);
        return pick(x, d, k - 1, outShape);
    }

    /** The first {@code k} of every sorted line, in a tensor of {@code outShape}. */
    private static Tensor[] firstK(Tensor x, int d, int k, boolean descending, int[] outShape, String name) {
        Lines lines = new Lines(x, d);
        int[] source = new int[Shape.numel(outShape)];
        double[] positions = new double[source.length];
        int[] order = new int[lines.size];
        int[] scratch = new int[lines.size];
        for (int outer = 0; outer < lines.outer; outer++) {
            for (int inner = 0; inner < lines.inner; inner++) {
                int base = outer * lines.size * lines.inner + inner;
                lines.sort(base, order, scratch, descending);
                int outBase = outer * k * lines.inner + inner;
                for (int j = 0; j < k; j++) {
                    source[outBase + j * lines.inner] = base + order[j] * lines.inner;
                    positions[outBase + j * lines.inner] = order[j];
                }
            }
        }
        Tensor values = new AxisMap.Mapped(name, x.shape(), outShape, source).apply(x);
        return new Tensor[] {values, new Tensor(positions, outShape, DType.INT64)};
    }

    /** Position {@code rank} (from 0) of every line sorted ascending: kthvalue. */
    private static Tensor[] pick(Tensor x, int d, int rank, int[] outShape) {
        Lines lines = new Lines(x, d);
        int[] source = new int[lines.outer * lines.inner];
        double[] positions = new double[source.length];
        int[] order = new int[lines.size];
        int[] scratch = new int[lines.size];
        for (int outer = 0; outer < lines.outer; outer++) {
            for (int inner = 0; inner < lines.inner; inner++) {
                int base = outer * lines.size * lines.inner + inner;
                lines.sort(base, order, scratch, false);
                source[outer * lines.inner + inner] = base + order[rank] * lines.inner;
                positions[outer * lines.inner + inner] = order[rank];
            }
        }
        Tensor values = new AxisMap.Mapped("KthvalueBackward0", x.shape(), outShape, source).apply(x);
        return new Tensor[] {values, new Tensor(positions, outShape, DType.INT64)};
    }

    /** The lines of {@code x} along one dim: {@code outer} blocks of {@code size} × {@code inner}. */
    private static final class Lines {
        final double[] v;
        final int outer;
        final int size;
        final int inner;

        Lines(Tensor x, int d) {
            int[] shape = x.shape();
            v = x.data();
            int o = 1;
            int in = 1;
            for (int i = 0; i < shape.length; i++) {
                if (i < d) {
                    o *= shape[i];
                } else if (i > d) {
                    in *= shape[i];
                }
            }
            size = shape.length == 0 ? 1 : shape[d];
            // An empty dim elsewhere leaves no line to sort.
            outer = size == 0 && shape.length > 0 ? 0 : o;
            inner = in;
        }

        /** Fills {@code order} with the line's positions in sorted order (a stable merge sort). */
        void sort(int base, int[] order, int[] scratch, boolean descending) {
            for (int j = 0; j < size; j++) {
                order[j] = j;
            }
            for (int width = 1; width < size; width *= 2) {
                for (int lo = 0; lo < size - width; lo += 2 * width) {
                    merge(base, order, scratch, lo, lo + width, Math.min(lo + 2 * width, size), descending);
                }
            }
        }

        private void merge(int base, int[] order, int[] scratch, int lo, int mid, int hi, boolean descending) {
            System.arraycopy(order, lo, scratch, lo, hi - lo);
            int i = lo;
            int j = mid;
            for (int k = lo; k < hi; k++) {
                // Take from the right run only if strictly before the left one: equal values keep their order.
                if (i < mid && (j >= hi || !before(value(base, scratch[j]), value(base, scratch[i]), descending))) {
                    order[k] = scratch[i++];
                } else {
                    order[k] = scratch[j++];
                }
            }
        }

        private double value(int base, int position) {
            return v[base + position * inner];
        }

        /** aten's KeyValueCompAsc / KeyValueCompDesc: NaN is larger than every number. */
        private static boolean before(double a, double b, boolean descending) {
            if (descending) {
                return (Double.isNaN(a) && !Double.isNaN(b)) || a > b;
            }
            return (!Double.isNaN(a) && Double.isNaN(b)) || a < b;
        }
    }
}
