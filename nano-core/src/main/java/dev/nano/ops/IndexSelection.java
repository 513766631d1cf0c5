package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * {@code indexSelect maskedSelect nonzero}: elements picked by an index vector, by a bool mask,
 * and the coordinates of the nonzero elements. The first two copy elements, so they are
 * {@link MoveByIndexMap}s: an element picked twice gets both gradients (aten's backward of
 * index_select is index_add, of masked_select a masked_scatter summed back over broadcast dims).
 * nonzero returns int64 coordinates and has no gradient. Checks and messages are aten's
 * (aten/src/ATen/native/TensorAdvancedIndexing.cpp).
 */
final class IndexSelection {
    private IndexSelection() {
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        int rank = x.dim();
        int d = Shape.wrapDim(dim, rank);
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
        }
        if (rank == 0 && index.numel() != 1) {
            throw new IllegalArgumentException("index_select(): Index to scalar can have only 1 value, got "
                    + index.numel() + " value(s)");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        int[] shape = x.shape();
        int size = rank == 0 ? 1 : shape[d];
        double[] picked = index.data();
        int[][] coordinates = AxisMap.identities(shape);
        if (rank > 0) {
            coordinates[d] = new int[picked.length];
        }
        for (int i = 0; i < picked.length; i++) {
            double p = picked[i];
            if (p < 0 || p >= size) {
                throw outOfRange(x, d, (long) p, size);
            }
            if (rank > 0) {
                coordinates[d][i] = (int) p;
            }
        }
        return new AxisMap.Mapped("IndexSelectBackward0", shape, AxisMap.outputShape(coordinates),
                AxisMap.sources(shape, coordinates)).apply(x);
    }

    /**
     * aten's index_select checks its indices on two paths, each in its own words: the one it takes for dim 1
     * and for an empty input (of more than one dim), and the general loop. Which path answers was read off
     * libtorch 2.7.1 (the fixtures' error cases), not from its source.
     */
    private static IndexOutOfBoundsException outOfRange(Tensor x, int dim, long index, int size) {
        if (x.dim() > 1 && (dim == 1 || x.numel() == 0)) {
            return new IndexOutOfBoundsException("INDICES element is out of DATA bounds, id=" + index + " axis_dim="
                    + size);
        }
        return new IndexOutOfBoundsException("index out of range in self");
    }

    static Tensor maskedSelect(Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor for mask");
        }
        int[] shape = Shape.broadcast(mask.shape(), x.shape());
        int[] maskAt = Shape.broadcastMap(mask.shape(), shape);
        int[] xAt = Shape.broadcastMap(x.shape(), shape);
        double[] m = mask.data();
        int count = 0;
        for (int i : maskAt) {
            count += m[i] != 0 ? 1 : 0;
        }
        int[] source = new int[count];
        int k = 0;
        for (int i = 0; i < maskAt.length; i++) {
            if (m[maskAt[i]] != 0) {
                source[k++] = xAt[i];
            }
        }
        return new AxisMap.Mapped("MaskedSelectBackward0", x.shape(), new int[] {count}, source).apply(x);
    }

    /** {@code torch.nonzero(x)}: one row of coordinates per nonzero element (NaN is nonzero), row-major. */
    static Tensor nonzero(Tensor x) {
        double[] v = x.data();
        int rank = x.dim();
        int count = 0;
        for (double e : v) {
            count += e != 0 ? 1 : 0;
        }
        double[] out = new double[count * rank];
        int[] coord = new int[rank];
        int[] shape = x.shape();
        int row = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                for (int d = 0; d < rank; d++) {
                    out[row * rank + d] = coord[d];
                }
                row++;
            }
            for (int d = rank - 1; d >= 0; d--) { // the next coordinate, like an odometer
                if (++coord[d] < shape[d]) {
                    break;
                }
                coord[d] = 0;
            }
        }
        return new Tensor(out, new int[] {count, rank}, DType.INT64);
    }
}
