package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * {@code expand}: broadcasting made explicit. Sizes are matched from the last dim; -1 keeps the
 * input's size, only size-1 dims can grow, and new dims may be added in front. An expanded dim
 * reads the same input element over and over (stride 0), so its gradient is the sum over that
 * dim: exactly {@link SumKernels#sumTo}, which the scatter-add of {@link MoveByIndexMap} computes.
 */
final class MoveExpand {
    private MoveExpand() {
    }

    static Tensor expand(Tensor x, int[] sizes) {
        int[] shape = x.shape();
        int rank = shape.length;
        int outRank = sizes.length;
        if (outRank < rank) {
            throw new IllegalArgumentException("expand(" + typeName(x) + "{" + Shape.toString(shape) + "}, size="
                    + Shape.toString(sizes) + "): the number of sizes provided (" + outRank + ") must be greater or"
                    + " equal to the number of dimensions in the tensor (" + rank + ")");
        }
        int[] inStrides = Shape.strides(shape);
        int[] outShape = new int[outRank];
        int[] strides = new int[outRank];
        for (int i = outRank - 1; i >= 0; i--) {
            int d = i - (outRank - rank); // the input dim aligned with output dim i (< 0: a new leading dim)
            int size = d >= 0 ? shape[d] : 1;
            int target = sizes[i];
            if (target == -1) {
                if (d < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (-1) isn't allowed in a"
                            + " leading, non-existing dimension " + i);
                }
                target = size;
            }
            if (target < 0) {
                throw new IllegalArgumentException("expand: Trying to create tensor with negative dimension " + target
                        + ": " + Shape.toString(sizes));
            }
            if (size != target && size != 1) {
                // Two spaces after each period, as in PyTorch's message.
                throw new IllegalArgumentException("The expanded size of the tensor (" + target + ") must match the"
                        + " existing size (" + size + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shape.toString(sizes) + ".  Tensor sizes: " + Shape.toString(shape));
            }
            outShape[i] = target;
            strides[i] = (d >= 0 && size == target) ? inStrides[d] : 0;
        }
        return new Expand(shape, outShape, Shape.stridedIndices(outShape, strides, 0)).apply(x);
    }

    /** How PyTorch's C++ names a CPU tensor type in messages, e.g. {@code CPUDoubleType}. */
    static String typeName(Tensor x) {
        switch (x.dtype()) {
            case INT64:
                return "CPULongType";
            case BOOL:
                return "CPUBoolType";
            default:
                return "CPUDoubleType";
        }
    }

    static final class Expand extends MoveByIndexMap {
        Expand(int[] inputShape, int[] outputShape, int[] source) {
            super(inputShape, outputShape, source);
        }
    }
}
