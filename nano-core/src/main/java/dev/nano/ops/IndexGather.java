package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * {@code gather(x, dim, index)}: {@code out[i][j][k] = x[index[i][j][k]][j][k]} for dim 0, and
 * likewise for the other dims. The output has the index's shape; along every other dim the index
 * may be shorter than {@code x}, never longer. The gradient is a scatter-add: an element picked
 * twice receives both gradients.
 */
final class IndexGather {
    private IndexGather() {
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        int d = Shape.wrapDim(dim, x.dim());
        if (index.numel() != 0 && index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("gather(): Expected dtype int64 for index");
        }
        // PyTorch treats a 0-d tensor as having one dim of size 1 in these checks.
        int[] xShape = atLeast1d(x.shape());
        int[] indexShape = atLeast1d(index.shape());
        if (index.numel() != 0) {
            checkShapes(xShape, indexShape, d, x.shape(), index.shape());
        }
        return new Gather(x.shape(), index.shape(), sources(xShape, indexShape, d, index.data())).apply(x, index);
    }

    private static void checkShapes(int[] xShape, int[] indexShape, int dim, int[] xSizes, int[] indexSizes) {
        if (xShape.length != indexShape.length) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int d = 0; d < xShape.length; d++) {
            if (d != dim && indexShape[d] > xShape[d]) {
                throw new IllegalArgumentException("Size does not match at dimension " + d + " expected index "
                        + Shape.toString(indexSizes) + " to be no larger than self " + Shape.toString(xSizes)
                        + " apart from dimension " + dim);
            }
        }
    }

    /**
     * For every index element (row-major), the flat position in {@code x} it picks: its own
     * coordinates, except along {@code dim}, where the coordinate is the index value.
     */
    private static int[] sources(int[] xShape, int[] indexShape, int dim, double[] indices) {
        int[] xStrides = Shape.strides(xShape);
        int[] strides = xStrides.clone();
        strides[dim] = 0; // the coordinate along dim comes from the index value instead
        int[] base = Shape.stridedIndices(indexShape, strides, 0);
        int size = xShape[dim];
        for (int i = 0; i < base.length; i++) {
            long picked = (long) indices[i];
            if (picked < 0 || picked >= size) {
                throw new IndexOutOfBoundsException("index " + picked + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
            base[i] += (int) picked * xStrides[dim];
        }
        return base;
    }

    private static int[] atLeast1d(int[] shape) {
        return shape.length == 0 ? new int[] {1} : shape;
    }

    static final class Gather extends MoveByIndexMap {
        Gather(int[] inputShape, int[] outputShape, int[] source) {
            super(inputShape, outputShape, source);
        }
    }
}
