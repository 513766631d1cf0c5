package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;

/**
 * {@code repeat tile repeatInterleave}: copies of the input side by side. {@code repeat} lays whole
 * copies next to each other along each dim (output coordinate {@code c} reads {@code c % size}),
 * {@code repeatInterleave} repeats each element in place ({@code c} reads the position whose run of
 * copies covers {@code c}). Each copy's gradient flows back to the element it was copied from, so an
 * element repeated k times gets the sum of k gradients ({@link MoveByIndexMap}).
 */
final class MoveRepeat {
    private MoveRepeat() {
    }

    /**
     * aten's {@code repeat} (aten/src/ATen/native/TensorShape.cpp): at least as many repeats as dims;
     * the input is given leading size-1 dims up to that count, and the result is allocated with
     * {@code at::empty}, whose check names the first negative target size.
     */
    static Tensor repeat(Tensor x, int[] repeats) {
        int[] shape = x.shape();
        if (repeats.length < shape.length) {
            throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number of"
                    + " dimensions of tensor");
        }
        int[] padded = new int[repeats.length];
        Arrays.fill(padded, 0, repeats.length - shape.length, 1);
        System.arraycopy(shape, 0, padded, repeats.length - shape.length, shape.length);
        long[] target = new long[repeats.length];
        for (int d = 0; d < repeats.length; d++) {
            target[d] = (long) padded[d] * repeats[d];
        }
        for (long t : target) {
            if (t < 0) { // at::empty checks every size, even next to a zero
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + t + ": "
                        + Arrays.toString(target));
            }
        }
        Checks.numel("repeat", target);
        int[][] coordinates = new int[repeats.length][];
        for (int d = 0; d < repeats.length; d++) {
            coordinates[d] = new int[(int) target[d]];
            for (int c = 0; c < coordinates[d].length; c++) {
                coordinates[d][c] = c % padded[d];
            }
        }
        // The flat layout of x and of x with leading size-1 dims is the same: map over the padded shape,
        // send the gradient back in x's own shape.
        return new AxisMap.Mapped("RepeatBackward0", shape, AxisMap.outputShape(coordinates),
                AxisMap.sources(padded, coordinates)).apply(x);
    }

    /**
     * {@code torch.tile}: numpy's tile, which aten writes as repeat after padding {@code dims} with
     * leading 1s up to the input's rank.
     */
    static Tensor tile(Tensor x, int[] dims) {
        int missing = x.dim() - dims.length;
        if (missing <= 0) {
            return repeat(x, dims);
        }
        int[] reps = new int[x.dim()];
        Arrays.fill(reps, 0, missing, 1);
        System.arraycopy(dims, 0, reps, missing, dims.length);
        return repeat(x, reps);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)} with one count for every position. Without a dim
     * ({@code dim == null}) the input is flattened first, as aten does (aten/src/ATen/native/Repeat.cpp).
     */
    static Tensor repeatInterleave(Tensor x, int repeats, Integer dim) {
        Tensor input = dim == null ? MoveShape.reshape(x, new int[] {-1}) : x;
        int d = dim == null ? 0 : Shape.wrapDim(dim, x.dim());
        if (repeats < 0) {
            throw new IllegalArgumentException("Repeats must be non-negative");
        }
        if (input.dim() == 0) {
            // aten inserts the copies' dim after dim (unsqueeze(dim + 1)), which a 0-d tensor does not have.
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [-1, 0], but got "
                    + (d + 1) + ")");
        }
        int[] counts = new int[input.size(d)];
        Arrays.fill(counts, repeats);
        return interleave(input, d, counts);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)} with an int64 tensor of counts: 0-d or one count
     * (used for every position), or one count per position along {@code dim}. aten's checks
     * (aten/src/ATen/native/Repeat.cpp), in its order.
     */
    static Tensor repeatInterleave(Tensor x, Tensor repeats, Integer dim) {
        Tensor input = flattenUnlessDim(x, dim);
        int d = dim == null ? 0 : Shape.wrapDim(dim, x.dim());
        int size = input.size(d);
        double[] given = repeats.data();
        if (repeats.dim() > 1) {
            throw new IllegalArgumentException("repeats must be 0-dim or 1-dim tensor");
        }
        boolean one = repeats.dim() == 0 || repeats.size(0) == 1;
        if (!one && repeats.size(0) != size) {
            throw new IllegalArgumentException("repeats must have the same size as input along dim, but got "
                    + "repeats.size(0) = " + repeats.size(0) + " and input.size(" + d + ") = " + size);
        }
        if (repeats.dtype() != DType.INT64) { // the counts kernel is dispatched for integer types only
            throw new IllegalArgumentException("\"repeat_interleave_cpu\" not implemented for '"
                    + Selection.scalarTypeName(repeats.dtype()) + "'");
        }
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            double c = given[one ? 0 : i];
            if (c < 0) {
                throw new IllegalArgumentException("repeats can not be negative");
            }
            counts[i] = (int) c;
        }
        return interleave(input, d, counts);
    }

    /**
     * Without a dim aten flattens the input; with one it asks the input for its size there, which a
     * 0-d tensor does not have (c10's size(dim), whatever the dim).
     */
    private static Tensor flattenUnlessDim(Tensor x, Integer dim) {
        if (dim == null) {
            return MoveShape.reshape(x, new int[] {-1});
        }
        if (x.dim() == 0) {
            throw new IllegalArgumentException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        return x;
    }

    /** Position {@code i} along {@code dim} copied {@code counts[i]} times in place. */
    private static Tensor interleave(Tensor x, int dim, int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] sizes = Arrays.stream(x.shape()).asLongStream().toArray();
        sizes[dim] = total;
        Checks.numel("repeat_interleave", sizes);
        int[] outShape = x.shape();
        outShape[dim] = (int) total;
        int[][] coordinates = AxisMap.identities(x.shape());
        int[] along = new int[outShape[dim]];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            Arrays.fill(along, k, k + counts[i], i);
            k += counts[i];
        }
        coordinates[dim] = along;
        return new AxisMap.Mapped("RepeatInterleaveBackward0", x.shape(), outShape,
                AxisMap.sources(x.shape(), coordinates)).apply(x);
    }
}
